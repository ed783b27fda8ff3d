using Alerts.Core;

namespace Alerts.Core.Tests.Common;

public sealed class ContentHashTests
{
    [Fact]
    public void Of_SameParts_SameHash() =>
        ContentHash.Of("cn-mofcom-announcements", "cn-mofcom:2026:1").ShouldBe(ContentHash.Of("cn-mofcom-announcements", "cn-mofcom:2026:1"));

    [Fact]
    public void Of_PartsJoinedDifferently_DifferentHash() =>
        ContentHash.Of("a|b", "c").ShouldNotBe(ContentHash.Of("a", "b|c"));

    [Fact]
    public void Short_Is32LowerHexCharacters() =>
        ContentHash.Short("x").ShouldMatch("^[0-9a-f]{32}$");
}
