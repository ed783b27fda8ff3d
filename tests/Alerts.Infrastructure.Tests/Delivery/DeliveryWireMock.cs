using System.Net;
using System.Net.Sockets;
using WireMock.Server;
using WireMock.Settings;

namespace Alerts.Infrastructure.Tests.Delivery;

/// <summary>WireMock.Net on 127.0.0.1 and a free port: SendGrid and Teams in tests.</summary>
public static class DeliveryWireMock
{
    public static WireMockServer Start()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{port}"] });
    }
}
