using Alerts.Core;
using Alerts.Core.Common;

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

    // Ids already stored (alerts, deliveries, messages) must keep their value: pinned to sha256 of the joined parts,
    // computed independently (Python hashlib).
    [Fact]
    public void Of_KnownParts_IsSha256OfPartsJoinedWithUnitSeparator() =>
        ContentHash.Of("cn-mofcom:2026:1", "sakura-trading").ShouldBe("c865306cf1ff718ae933054d773d20227ce0ec6dd4f4d9980d0052d3c514bda9");

    [Fact]
    public void Short_NonAsciiParts_IsFirst32CharactersOfOf() =>
        ContentHash.Short("日本", "株式会社").ShouldBe("15a63402bd884045dee09f8ee2fe9c06");

    [Fact]
    public void Of_PartsLongerThanTheStackBuffer_HashesTheWholeText()
    {
        var longPart = new string('両', 400);

        ContentHash.Of(longPart, "x").ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(longPart + "\u001fx"))));
    }

    [Fact]
    public void Of_NullPart_HashesLikeAnEmptyPart() =>
        ContentHash.Of("a", null!, "b").ShouldBe(ContentHash.Of("a", "", "b"));
}
