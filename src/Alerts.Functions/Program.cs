using Alerts.Core;
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
builder.Services.AddAlertsTelemetry(builder.Configuration);
builder.Build().Run();
