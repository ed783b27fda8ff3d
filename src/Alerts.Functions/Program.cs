using Alerts.Core;
using Alerts.Core.Matching;
using Alerts.Core.Common;
using Alerts.Functions;
using Alerts.Infrastructure;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

// The Functions host serves everything under /api, so the dashboard pages link under /api/ui.
builder.Configuration.AddInMemoryCollection([new("Api:DashboardBasePath", "/api/ui")]);
builder.Services.AddAlertsCore(builder.Configuration);
builder.Services.AddAlertsInfrastructure(builder.Configuration);
builder.Services.AddMatcherIndexRefresh(); // a company change rebuilds the matcher index in the background
builder.Services.AddAlertsTelemetry(builder.Configuration);
using var host = builder.Build();
try
{
    // Every bad setting at once, before any function or client exists (issue 14): the worker does not start.
    SettingsValidation.ValidateAll(host.Services);
}
catch (Exception ex) when (SettingsValidation.TryGetFailures(ex, out var failures))
{
    foreach (var failure in failures)
    {
        await Console.Error.WriteLineAsync($"Alerts.Functions: invalid setting {failure}").ConfigureAwait(false);
    }

    return 2;
}

await host.RunAsync().ConfigureAwait(false);
return 0;
