using System.Security.Cryptography;
using System.Text;
using Alerts.Core.Notices;

namespace Alerts.Core.Tests.Audit;

public sealed class FetchedPageTests
{
    [Fact]
    public void Sha256_CopyWithOtherBytes_NamesTheNewBytes()
    {
        var page = new FetchedPage(FetchedRole.Page, "http://test/a.html", Encoding.UTF8.GetBytes("a"), "text/html", null);

        var copy = page with { Bytes = Encoding.UTF8.GetBytes("b") };

        copy.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("b"))));
    }
}
