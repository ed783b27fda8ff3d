using Alerts.Core.Messaging;
using Alerts.Infrastructure.ServiceBus;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Options;
using NSubstitute;

namespace Alerts.Infrastructure.Tests.Messaging;

public sealed class ServiceBusAlertsRaisedPublisherTests
{
    private readonly ServiceBusClient _client = Substitute.For<ServiceBusClient>();
    private readonly ServiceBusSender _sender = Substitute.For<ServiceBusSender>();
    private readonly List<List<ServiceBusMessage>> _sentBatches = [];

    public ServiceBusAlertsRaisedPublisherTests()
    {
        _client.CreateSender("alerts-raised").Returns(_sender);
    }

    private ServiceBusAlertsRaisedPublisher Publisher() => new(_client, Options.Create(new ServiceBusOptions { ConnectionString = "x" }));

    private static AlertsRaised Raised(string changeId, params string[] companies) =>
        AlertsRaised.For(changeId, companies.Select(c => $"{changeId}.{c}")).Single();

    private void BatchesOf(int capacity)
    {
        _sender.CreateMessageBatchAsync(Arg.Any<CancellationToken>()).Returns(_ =>
        {
            var store = new List<ServiceBusMessage>();
            _sentBatches.Add(store);
            return ServiceBusModelFactory.ServiceBusMessageBatch(1024, store, tryAddCallback: _ => store.Count < capacity);
        });
    }

    [Fact]
    public async Task PublishAsync_Message_SendsToTheAlertsRaisedTopicWithContentIdAndProperties()
    {
        BatchesOf(10);
        var raised = Raised("c1", "acme", "globex");

        await Publisher().PublishAsync([raised], CancellationToken.None);

        var message = _sentBatches.Single().Single();
        message.MessageId.ShouldBe(raised.MessageId);
        message.ContentType.ShouldBe("application/json");
        message.ApplicationProperties["changeId"].ShouldBe("c1");
        message.ApplicationProperties["alerts"].ShouldBe("2");
        message.ApplicationProperties["schemaVersion"].ShouldBe("1");
        _client.Received(1).CreateSender("alerts-raised");
    }

    [Fact]
    public async Task PublishAsync_Message_BodyCarriesTheChangeAndAlertIds()
    {
        BatchesOf(10);

        await Publisher().PublishAsync([Raised("c1", "acme")], CancellationToken.None);

        var body = _sentBatches.Single().Single().Body.ToString();
        body.ShouldContain("\"changeId\":\"c1\"");
        body.ShouldContain("\"alertIds\":[\"c1.acme\"]");
    }

    [Fact]
    public async Task PublishAsync_MoreThanABatchHolds_SplitsIntoSeveralSends()
    {
        BatchesOf(1);

        await Publisher().PublishAsync([Raised("c1", "a"), Raised("c2", "a"), Raised("c3", "a")], CancellationToken.None);

        await _sender.Received(3).SendMessagesAsync(Arg.Any<ServiceBusMessageBatch>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task PublishAsync_Nothing_CreatesNoSender()
    {
        await Publisher().PublishAsync([], CancellationToken.None);

        _client.DidNotReceiveWithAnyArgs().CreateSender(default!);
    }
}
