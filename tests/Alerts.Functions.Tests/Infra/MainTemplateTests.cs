using System.Text.Json.Nodes;

namespace Alerts.Functions.Tests.Infra;

/// <summary>
/// The compiled ARM template of infra/main.bicep keeps the secure-by-default settings the issue asks for. Lint proves
/// the Bicep is well formed; these pin the values a well-meant edit could loosen.
/// </summary>
[Collection(BicepCollection.Name)]
public sealed class MainTemplateTests(BicepCli bicep)
{
    [Fact]
    public async Task Topics_ChangesAndAlertsRaised_EachHasOneDayDuplicateDetection()
    {
        var topics = await ResourcesAsync("Microsoft.ServiceBus/namespaces/topics");

        topics.Count.ShouldBe(2);
        topics.ShouldAllBe(t => t["properties"]!["requiresDuplicateDetection"]!.GetValue<bool>());
        topics.ShouldAllBe(t => t["properties"]!["duplicateDetectionHistoryTimeWindow"]!.GetValue<string>() == "P1D");
    }

    [Fact]
    public async Task Subscriptions_LockFiveMinutes_TenDeliveries_DeadLetterOnExpiry()
    {
        // One subscription loop per topic.
        var subscriptions = await ResourcesAsync("Microsoft.ServiceBus/namespaces/topics/subscriptions");

        subscriptions.Count.ShouldBe(2);
        foreach (var subscription in subscriptions)
        {
            var properties = subscription["properties"]!;
            properties["lockDuration"]!.GetValue<string>().ShouldBe("PT5M");
            properties["maxDeliveryCount"]!.GetValue<int>().ShouldBe(10);
            properties["deadLetteringOnMessageExpiration"]!.GetValue<bool>().ShouldBeTrue();
        }
    }

    [Theory]
    [InlineData("topicName", "subscriptionNames", Core.Messaging.Subscriptions.Topic)]
    [InlineData("alertsRaisedTopicName", "channelSubscriptionNames", Core.Messaging.Subscriptions.AlertsRaisedTopic)]
    public async Task ServiceBusModule_DefaultTopicsAndSubscriptions_AreTheOnesTheCodeDrains(string topicParameter, string subscriptionsParameter, string topic)
    {
        var template = await TemplateAsync();
        var module = Modules(template).Single(m => m["name"]!.GetValue<string>() == "servicebus");
        var parameters = module["properties"]!["template"]!["parameters"]!;
        var names = parameters[subscriptionsParameter]!["defaultValue"]!.AsArray().Select(n => n!.GetValue<string>());

        parameters[topicParameter]!["defaultValue"]!.GetValue<string>().ShouldBe(topic);
        names.ShouldBe(Core.Messaging.Subscriptions.Of(topic));
    }

    [Theory]
    [InlineData("Microsoft.Storage/storageAccounts", "allowSharedKeyAccess", false)]
    [InlineData("Microsoft.Storage/storageAccounts", "allowBlobPublicAccess", false)]
    [InlineData("Microsoft.ServiceBus/namespaces", "disableLocalAuth", true)]
    [InlineData("Microsoft.Insights/components", "DisableLocalAuth", true)]
    [InlineData("Microsoft.KeyVault/vaults", "enableRbacAuthorization", true)]
    [InlineData("Microsoft.Web/sites", "httpsOnly", true)]
    public async Task Resource_SecureDefault_IsSet(string type, string property, bool expected)
    {
        var resource = (await ResourcesAsync(type)).ShouldHaveSingleItem();

        resource["properties"]![property]!.GetValue<bool>().ShouldBe(expected);
    }

    [Fact]
    public async Task FunctionApp_RunsDotnetIsolated10OnFlexWithUserAssignedIdentity()
    {
        var site = (await ResourcesAsync("Microsoft.Web/sites")).ShouldHaveSingleItem();
        var plan = (await ResourcesAsync("Microsoft.Web/serverfarms")).ShouldHaveSingleItem();

        site["properties"]!["functionAppConfig"]!["runtime"]!["name"]!.GetValue<string>().ShouldBe("dotnet-isolated");
        site["properties"]!["functionAppConfig"]!["runtime"]!["version"]!.GetValue<string>().ShouldBe("10.0");
        site["identity"]!["type"]!.GetValue<string>().ShouldBe("UserAssigned");
        plan["sku"]!["tier"]!.GetValue<string>().ShouldBe("FlexConsumption");
    }

    [Theory]
    [InlineData("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "Storage Table Data Contributor")]
    [InlineData("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "Storage Blob Data Owner")]
    [InlineData("69a216fc-b8fb-44d8-bc22-1f3c2cd27a39", "Azure Service Bus Data Sender")]
    [InlineData("4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0", "Azure Service Bus Data Receiver")]
    [InlineData("b86a8fe4-44ce-4948-aee5-eccb2c155cd7", "Key Vault Secrets Officer")]
    [InlineData("3913510d-42f4-4e42-8a64-420c390055eb", "Monitoring Metrics Publisher")]
    public async Task Template_GrantsRole(string roleId, string role)
    {
        var json = (await bicep.RunAsync("build", "main.bicep", "--stdout")).Output;

        json.ShouldContain(roleId, customMessage: $"{role} is not assigned");
    }

    [Fact]
    public async Task Template_GrantsNoBroadRole()
    {
        var json = (await bicep.RunAsync("build", "main.bicep", "--stdout")).Output;

        // Owner, Contributor, Azure Service Bus Data Owner, Storage Account Contributor, Key Vault Administrator.
        foreach (var broad in new[]
                 {
                     "8e3af657-a8ff-443c-a75c-2fe8c4bcb635", "b24988ac-6180-42a0-ab88-20f7382dd24c",
                     "090c5cfd-751d-490a-894a-3ce6f1109419", "17d1049b-9a84-46fb-8f53-869881c3d3ab",
                     "00482a5a-887f-4fb3-b363-3b7fe8e74483",
                 })
        {
            json.ShouldNotContain(broad);
        }
    }

    [Fact]
    public async Task Alerts_DeadLettersUnhealthyOrStaleSourcesAndFailedDeliveries_AreDefined()
    {
        // Issue 14: an alert on dead letters, on failed deliveries and on a stale source (the unhealthy-source one stays).
        var metricAlert = (await ResourcesAsync("Microsoft.Insights/metricAlerts")).ShouldHaveSingleItem();
        var queries = (await ResourcesAsync("Microsoft.Insights/scheduledQueryRules")).Select(q => q.ToJsonString()).ToList();

        metricAlert.ToJsonString().ShouldContain("\"metricName\":\"DeadletteredMessages\"");
        queries.Count.ShouldBe(3);
        queries.ShouldContain(q => q.Contains("alerts.source.unhealthy_minutes"));
        queries.ShouldContain(q => q.Contains("alerts.deliveries") && q.Contains("failed"));
        queries.ShouldContain(q => q.Contains("alerts.polls") && q.Contains("LessThan"));
    }

    [Theory]
    [InlineData("Microsoft.ServiceBus/namespaces")]
    [InlineData("Microsoft.KeyVault/vaults")]
    [InlineData("Microsoft.Web/sites")]
    public async Task DiagnosticSettings_SendLogsAndMetricsToTheWorkspace(string resourceType)
    {
        var module = Modules(await TemplateAsync())
            .Select(m => m["properties"]!["template"]!)
            .Single(t => AllResources(t).Any(r => r["type"]?.GetValue<string>() == "Microsoft.Insights/diagnosticSettings"));
        var settings = AllResources(module).Where(r => r["type"]?.GetValue<string>() == "Microsoft.Insights/diagnosticSettings");

        var setting = settings.Where(s => s["scope"]!.GetValue<string>().Contains(resourceType, StringComparison.Ordinal)).ShouldHaveSingleItem();

        // The properties are the module's one variable (bicep writes "[variables('…')]").
        var variable = setting["properties"]!.GetValue<string>().Split('\'')[1];
        var properties = module["variables"]![variable]!.ToJsonString();
        properties.ShouldContain("\"categoryGroup\":\"allLogs\"");
        properties.ShouldContain("\"category\":\"AllMetrics\"");
        properties.ShouldContain("workspaceId");
    }

    [Fact]
    public async Task FunctionApp_CarriesTheAzdServiceTagOfAzureYaml()
    {
        var app = (await ResourcesAsync("Microsoft.Web/sites")).ShouldHaveSingleItem();

        app["tags"]!.GetValue<string>().ShouldContain("createObject('azd-service-name', 'functions')");
    }

    private async Task<JsonNode> TemplateAsync()
    {
        var result = await bicep.RunAsync("build", "main.bicep", "--stdout");
        result.ExitCode.ShouldBe(0, result.Output);
        return JsonNode.Parse(result.Output)!;
    }

    private async Task<List<JsonNode>> ResourcesAsync(string type) =>
        AllResources(await TemplateAsync()).Where(r => r["type"]?.GetValue<string>() == type).ToList();

    private static IEnumerable<JsonNode> Modules(JsonNode template) =>
        AllResources(template).Where(r => r["type"]?.GetValue<string>() == "Microsoft.Resources/deployments");

    // Resources of the template and of every nested module template (bicep emits modules as nested deployments).
    private static IEnumerable<JsonNode> AllResources(JsonNode template)
    {
        var resources = template["resources"] switch
        {
            JsonArray array => array.Select(n => n!),
            JsonObject map => map.Select(p => p.Value!),
            _ => [],
        };
        foreach (var resource in resources)
        {
            yield return resource;
            if (resource["properties"] is JsonObject properties && properties["template"] is JsonObject nested)
            {
                foreach (var inner in AllResources(nested))
                {
                    yield return inner;
                }
            }
        }
    }
}
