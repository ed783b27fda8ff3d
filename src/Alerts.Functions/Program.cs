using Alerts.Core;
using Alerts.Functions;
using Alerts.Infrastructure;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddAlertsCore(builder.Configuration);
builder.Services.AddAlertsInfrastructure(builder.Configuration);
builder.Services.AddAlertsTelemetry(builder.Configuration);
builder.Build().Run();
