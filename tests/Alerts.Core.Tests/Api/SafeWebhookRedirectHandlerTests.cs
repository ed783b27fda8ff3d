using System.Net;
using Alerts.Core.Api;
using Alerts.Testing;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Tests.Api;

public sealed class SafeWebhookRedirectHandlerTests
{
    private sealed class ScriptedHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        public List<(HttpMethod Method, Uri Uri, string? Body)> Seen { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Seen.Add((request.Method, request.RequestUri!, request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken)));
            return answer(request);
        }
    }

    private static HttpResponseMessage Redirect(HttpStatusCode status, string location) =>
        new(status) { Headers = { Location = new Uri(location, UriKind.RelativeOrAbsolute) } };

    private static (HttpClient Client, ScriptedHandler Inner) Create(Func<HttpRequestMessage, HttpResponseMessage> answer)
    {
        var resolver = new FakeHostResolverForApi().Map("hook.example", "52.109.1.7").Map("next.example", "20.50.2.10");
        var inner = new ScriptedHandler(answer);
        var handler = new SafeWebhookRedirectHandler(new WebhookUrlValidator(resolver, Options.Create(new ApiOptions()))) { InnerHandler = inner };
        return (new HttpClient(handler), inner);
    }

    [Fact]
    public async Task SendAsync_RedirectToMetadataService_IsRefused()
    {
        var (client, inner) = Create(r => r.RequestUri!.Host == "hook.example" ? Redirect(HttpStatusCode.Found, "https://169.254.169.254/latest/") : new HttpResponseMessage(HttpStatusCode.OK));

        var error = await Should.ThrowAsync<UnsafeWebhookUrlException>(() => client.PostAsync(new Uri("https://hook.example/x?sig=s"), new StringContent("{}")));

        error.Message.ShouldContain("redirect hop 1");
        inner.Seen.Count.ShouldBe(1);
    }

    [Fact]
    public async Task SendAsync_Redirect307ToPublicHost_FollowsWithTheSameBody()
    {
        var (client, inner) = Create(r => r.RequestUri!.Host == "hook.example" ? Redirect(HttpStatusCode.TemporaryRedirect, "https://next.example/y") : new HttpResponseMessage(HttpStatusCode.Accepted));

        using var response = await client.PostAsync(new Uri("https://hook.example/x"), new StringContent("{\"a\":1}"));

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        inner.Seen.Select(s => (s.Method.Method, s.Uri.Host, s.Body)).ShouldBe([("POST", "hook.example", "{\"a\":1}"), ("POST", "next.example", "{\"a\":1}")]);
    }

    [Theory]
    [InlineData(HttpStatusCode.MovedPermanently)]
    [InlineData(HttpStatusCode.Found)]
    [InlineData(HttpStatusCode.SeeOther)]
    public async Task SendAsync_PostAnswered301Or302Or303_IsNotFollowedAsAGet(HttpStatusCode status)
    {
        var (client, inner) = Create(r => r.RequestUri!.Host == "hook.example" ? Redirect(status, "https://next.example/y") : new HttpResponseMessage(HttpStatusCode.OK));

        using var response = await client.PostAsync(new Uri("https://hook.example/x"), new StringContent("{\"a\":1}"));

        response.StatusCode.ShouldBe(status);
        inner.Seen.Select(s => (s.Method.Method, s.Uri.Host)).ShouldBe([("POST", "hook.example")]);
    }

    [Fact]
    public async Task SendAsync_Redirect308ToPrivateHost_IsRefusedAtTheHop()
    {
        var (client, inner) = Create(r => r.RequestUri!.Host == "hook.example" ? Redirect(HttpStatusCode.PermanentRedirect, "https://10.1.2.3/y") : new HttpResponseMessage(HttpStatusCode.Accepted));

        var error = await Should.ThrowAsync<UnsafeWebhookUrlException>(() => client.PostAsync(new Uri("https://hook.example/x"), new StringContent("{}")));

        error.Message.ShouldContain("redirect hop 1");
        inner.Seen.Count.ShouldBe(1);
    }

    [Fact]
    public async Task SendAsync_RelativeRedirectToHttp_IsRefusedOnScheme()
    {
        var (client, _) = Create(_ => Redirect(HttpStatusCode.MovedPermanently, "http://next.example/y"));

        var error = await Should.ThrowAsync<UnsafeWebhookUrlException>(() => client.GetAsync(new Uri("https://hook.example/x")));

        error.Message.ShouldContain("https");
    }

    [Fact]
    public async Task SendAsync_InitialPrivateUrl_IsRefusedBeforeSending()
    {
        var (client, inner) = Create(_ => new HttpResponseMessage(HttpStatusCode.OK));

        await Should.ThrowAsync<UnsafeWebhookUrlException>(() => client.GetAsync(new Uri("https://192.168.0.10/x")));

        inner.Seen.ShouldBeEmpty();
    }

    [Fact]
    public async Task SendAsync_EndlessRedirects_StopsAfterTheLimit()
    {
        var (client, inner) = Create(_ => Redirect(HttpStatusCode.Found, "https://next.example/loop"));

        await Should.ThrowAsync<UnsafeWebhookUrlException>(() => client.GetAsync(new Uri("https://hook.example/x")));

        inner.Seen.Count.ShouldBe(SafeWebhookRedirectHandler.MaxRedirects + 1);
    }
}

public sealed class SafeSocketsHandlerTests
{
    [Fact]
    public async Task ConnectCallback_NameRebindingToPrivate_IsRefusedBeforeConnecting()
    {
        var resolver = new FakeHostResolverForApi().Map("rebind.example", "10.0.0.7");
        var validator = new WebhookUrlValidator(resolver, Options.Create(new ApiOptions()));
        using var client = new HttpClient(validator.CreateSafeSocketsHandler());

        var error = await Should.ThrowAsync<HttpRequestException>(() => client.GetAsync(new Uri("https://rebind.example/x")));

        error.ToString().ShouldContain("Webhook refused at connect");
    }

    [Fact]
    public async Task ConnectCallback_LoopbackAllowedForTests_Connects()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var server = Task.Run(async () =>
        {
            using var socket = await listener.AcceptSocketAsync();
            var buffer = new byte[4096];
            await socket.ReceiveAsync(buffer);
            await socket.SendAsync("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray());
        });
        var validator = new WebhookUrlValidator(new FakeHostResolverForApi(), Options.Create(new ApiOptions { AllowLoopbackWebhooks = true }));
        using var client = new HttpClient(validator.CreateSafeSocketsHandler());

        using var response = await client.PostAsync(new Uri($"http://127.0.0.1:{port}/hook"), new StringContent("{}"));

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await server;
    }
}
