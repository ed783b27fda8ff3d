using System.Text.Json;
using Alerts.Core.Ops;
using Alerts.Functions.Ops;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Functions.Tests;

public sealed class HealthFunctionTests
{
    [Fact]
    public async Task Run_ReturnsJsonWithStatus()
    {
        var sut = new HealthFunction(new HealthService(new FakeTimeProvider(), []));

        var result = await sut.Run(new DefaultHttpContext().Request, CancellationToken.None);

        var json = result.ShouldBeOfType<JsonResult>();
        using var document = JsonDocument.Parse(JsonSerializer.Serialize(json.Value, (JsonSerializerOptions)json.SerializerSettings!));
        document.RootElement.GetProperty("status").GetString().ShouldBe("ok");
    }
}
