namespace Alerts.Core.Changes;

/// <summary>Publishes change events. Publishing the same <see cref="ChangeEvent.ChangeId"/> twice delivers it once.</summary>
public interface IChangePublisher
{
    Task PublishAsync(IReadOnlyList<ChangeEvent> changes, CancellationToken cancellationToken);
}
