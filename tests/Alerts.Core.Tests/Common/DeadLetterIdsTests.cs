using Alerts.Core.Messaging;

namespace Alerts.Core.Tests.Common;

public sealed class DeadLetterIdsTests
{
    [Fact]
    public void Format_AnyMessageId_HasNoSlash()
    {
        DeadLetterIds.Format("email", "abc:replay:2").ShouldBe("email:abc:replay:2");
    }

    [Theory]
    [InlineData("email:abc:replay:2")]
    [InlineData("email/abc:replay:2")]
    public void TrySplit_NewOrOldForm_SplitsAtTheFirstSeparator(string id)
    {
        DeadLetterIds.TrySplit(id, out var subscription, out var local).ShouldBeTrue();

        (subscription, local).ShouldBe(("email", "abc:replay:2"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(":abc")]
    [InlineData("email:")]
    [InlineData("nothing")]
    public void TrySplit_Malformed_IsFalse(string id)
    {
        DeadLetterIds.TrySplit(id, out _, out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("email%2Fabc", "email/abc")]
    [InlineData("email%3Aabc", "email:abc")]
    [InlineData("email:abc", "email:abc")]
    [InlineData("bad%zz", "bad%zz")]
    public void FromRoute_EncodedSegment_IsDecoded(string route, string expected)
    {
        DeadLetterIds.FromRoute(route).ShouldBe(expected);
    }
}
