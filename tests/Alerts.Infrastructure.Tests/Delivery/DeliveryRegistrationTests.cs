using Alerts.Core;
using Alerts.Core.Alerts;
using Alerts.Core.Delivery;
using Alerts.Infrastructure.Outbox;
using Alerts.Infrastructure.SendGrid;
using Alerts.Infrastructure.Sqlite;
using Alerts.Infrastructure.Tables;
using Alerts.Infrastructure.Teams;
using Alerts.Testing;
using Microsoft.Extensions.Configuration;
using Alerts.Core.Subscriptions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Alerts.Infrastructure.Tests.Delivery;

public sealed class DeliveryRegistrationTests : IDisposable
{
    private readonly TempDirectory _data = new("delivery-di");

    public void Dispose() => _data.Dispose();

    private ServiceProvider Build(Dictionary<string, string?> settings)
    {
        settings["Hosting:DataDirectory"] = _data.Path;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddAlertsCore(configuration);
        services.AddAlertsInfrastructure(configuration);

        // Ports other areas register; present here so the delivery services resolve on this branch alone.
        services.TryAddSingleton<ICompanyStore>(new FakeCompanyStore());
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Embedded_Default_UsesSqliteAndTheOutbox()
    {
        using var provider = Build(new() { ["Hosting:Mode"] = "Embedded" });

        provider.GetRequiredService<IAlertStore>().ShouldBeOfType<SqliteAlertStore>();
        provider.GetRequiredService<IDeliveryLedger>().ShouldBeOfType<SqliteDeliveryLedger>();
        provider.GetRequiredService<IDigestCursorStore>().ShouldBeOfType<SqliteDigestCursorStore>();
        provider.GetRequiredService<IEmailSender>().ShouldBeOfType<OutboxEmailSender>();
        provider.GetRequiredService<ITeamsSender>().ShouldBeOfType<OutboxTeamsSender>();
        provider.GetRequiredService<IDigestService>().ShouldBeOfType<DigestService>();
    }

    [Fact]
    public void Azure_WithApiKey_UsesTablesSendGridAndWebhooks()
    {
        using var provider = Build(new()
        {
            ["Hosting:Mode"] = "Azure",
            ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
            ["SendGrid:ApiKey"] = "SG.x",
            ["SendGrid:FromEmail"] = "alerts@example.com",
        });

        provider.GetRequiredService<IAlertStore>().ShouldBeOfType<TableAlertStore>();
        provider.GetRequiredService<IEmailSender>().ShouldBeOfType<SendGridEmailSender>();
        provider.GetRequiredService<ITeamsSender>().ShouldBeOfType<TeamsWebhookSender>();
    }

    [Fact]
    public void Azure_TeamsModeOutbox_WritesCardsToTheOutbox()
    {
        using var provider = Build(new() { ["Hosting:Mode"] = "Azure", ["Teams:Mode"] = "Outbox" });

        provider.GetRequiredService<ITeamsSender>().ShouldBeOfType<OutboxTeamsSender>();
        provider.GetRequiredService<IEmailSender>().ShouldBeOfType<OutboxEmailSender>();
    }

    [Fact]
    public void Embedded_Default_HasOneHandlerForEverySubscriptionTheHostsDrain()
    {
        using var provider = Build(new() { ["Hosting:Mode"] = "Embedded" });

        provider.GetServices<ISubscriptionHandler>().Select(h => h.Subscription).ShouldBe(Core.Messaging.Subscriptions.All, ignoreOrder: true);
        provider.GetRequiredService<Core.Messaging.IAlertsRaisedPublisher>().ShouldBeOfType<LocalBus.SqliteLocalBus>();
    }

    // Issue 12 item 4: stale .eml.tmp files are cleaned on start, by the host, not only when a test calls the cleaner.
    [Fact]
    public async Task Embedded_Default_HostStartRemovesTheOutboxsStaleTemporaryFiles()
    {
        using var provider = Build(new() { ["Hosting:Mode"] = "Embedded" });
        var outbox = Directory.CreateDirectory(_data.Combine("outbox")).FullName;
        var stale = Path.Combine(outbox, "alert-acme-c1_acme-0123456789ab.eml.tmp");
        var foreign = Path.Combine(outbox, "notes.tmp");
        File.WriteAllText(stale, "half");
        File.WriteAllText(foreign, "someone else's");

        var cleaner = provider.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<OutboxTemporaryCleaner>().ShouldHaveSingleItem();
        await cleaner.StartAsync(CancellationToken.None);

        File.Exists(stale).ShouldBeFalse();
        File.Exists(foreign).ShouldBeTrue();
    }

    [Fact]
    public async Task Azure_WithServiceBus_PublishesAlertsRaisedToServiceBus()
    {
        // Async disposal, as the hosts do: the Service Bus adapters hold senders that close asynchronously.
        await using var provider = Build(new()
        {
            ["Hosting:Mode"] = "Azure",
            ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
            ["ServiceBus:ConnectionString"] = "Endpoint=sb://alerts.servicebus.windows.net/;SharedAccessKeyName=k;SharedAccessKey=a2V5",
        });

        provider.GetRequiredService<Core.Messaging.IAlertsRaisedPublisher>().ShouldBeOfType<ServiceBus.ServiceBusAlertsRaisedPublisher>();
    }
}
