using Alerts.Core.Changes;
using Alerts.Core.Notices;
using Alerts.Core.Subscriptions;

namespace Alerts.Core.Goods;

/// <summary>Decides which companies a notice touches, how urgently, and why.</summary>
public interface INoticeMatcher
{
    /// <summary>One alert per company the notice touches (ids = hash(change id, company id)); empty when nothing matches.</summary>
    IReadOnlyList<Alerts.Alert> Match(ChangeEvent change, Notice notice, IReadOnlyList<Company> companies);
}
