using System.Reflection;
using Alerts.Core.Api;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Tests.Api;

/// <summary>The Function App declares exactly the one route table (alerts run's tests check the same table).</summary>
public sealed class RouteTableParityTests
{
    [Fact]
    public void HttpFunctions_DeclareExactlyTheRouteTable()
    {
        var declared = typeof(Alerts.Functions.Api.OpsFunctions).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            .Where(method => method.GetCustomAttribute<FunctionAttribute>() is not null)
            .SelectMany(method => method.GetParameters())
            .Select(parameter => parameter.GetCustomAttribute<HttpTriggerAttribute>())
            .OfType<HttpTriggerAttribute>()
            .SelectMany(trigger => trigger.Methods!.Select(m => $"{m.ToUpperInvariant()} {trigger.Route}"))
            .Order(StringComparer.Ordinal);

        declared.ShouldBe(ApiRoutes.All.Select(route => $"{route.Method} {ApiRoutes.FunctionsRoute(route)}").Order(StringComparer.Ordinal));
    }
}
