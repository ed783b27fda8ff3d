using Alerts.Core.Common;
using System.Net;
using Alerts.Core.Fetching;
using Alerts.Core.Sources.Adapters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Alerts.Core.Sources;

public static class SourcesServiceCollectionExtensions
{
    /// <summary>Every source with its adapter, in catalog order; <see cref="Descriptors"/> and the registrations follow it.</summary>
    private static readonly (SourceDescriptor Descriptor, Type Adapter)[] Catalog =
    [
        (MofcomAnnouncementsSource.DescriptorValue, typeof(MofcomAnnouncementsSource)),
        (MofcomBisSource.DescriptorValue, typeof(MofcomBisSource)),
        (MofcomExportControlSource.DescriptorValue, typeof(MofcomExportControlSource)),
        (MofcomSpokespersonSource.DescriptorValue, typeof(MofcomSpokespersonSource)),
        (MetiPressSource.DescriptorValue, typeof(MetiPressSource)),
        (MetiAnpoSource.DescriptorValue, typeof(MetiAnpoSource)),
        (MofaPressJaSource.DescriptorValue, typeof(MofaPressJaSource)),
        (MofaPressEnSource.DescriptorValue, typeof(MofaPressEnSource)),
        (KanteiNewsSource.DescriptorValue, typeof(KanteiNewsSource)),
        (GaccAnnouncementsSource.DescriptorValue, typeof(GaccAnnouncementsSource)),
    ];

    /// <summary>Every source id, in catalog order.</summary>
    public static IReadOnlyList<SourceDescriptor> Descriptors { get; } = [.. Catalog.Select(source => source.Descriptor)];

    /// <summary>
    /// Sources, fetching and parsers: <see cref="SourceOptions"/> per source id (named options bound from
    /// <c>Sources:&lt;id&gt;</c>), one resilient HttpClient per source, <see cref="IPageFetcher"/>, every
    /// <see cref="INoticeSource"/> and <see cref="ISourceCatalog"/>.
    /// </summary>
    public static IServiceCollection AddAlertsSources(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SourceOptions>, SourceOptionsValidator>());
        services.TryAddSingleton<IHostResolver, DnsHostResolver>();
        foreach (var descriptor in Descriptors)
        {
            services.AddOptions<SourceOptions>(descriptor.Id)
                .BindConfiguration($"{SourceOptions.SectionName}:{descriptor.Id}")
                .BindConfiguration($"{SourceOptions.SectionName}:{SettingKeyOf(descriptor.Id)}")
                .ValidateSettings($"{SourceOptions.SectionName}:{descriptor.Id}")
                .ValidateOnStart();
            AddSourceClient(services, descriptor);
        }

        services.TryAddSingleton<IPageFetcher, HttpPageFetcher>();
        foreach (var source in Catalog)
        {
            services.AddSingleton(typeof(INoticeSource), source.Adapter);
        }

        services.TryAddSingleton<SourceCatalog>();
        services.TryAddSingleton<ISourceCatalog>(sp => sp.GetRequiredService<SourceCatalog>());
        return services;
    }

    /// <summary>
    /// The named client of one source: proxy from options, the SSRF guard (<see cref="SourceRequestGuard"/>: redirects
    /// followed by it, outside the resilience pipeline so a refused hop is not retried, and a public-address check at
    /// connect), and a resilience pipeline (total timeout, retry with jitter honouring Retry-After, circuit breaker,
    /// attempt timeout). POSTs are retried only when the connection failed (the request never reached the server).
    /// </summary>
    internal static void AddSourceClient(IServiceCollection services, SourceDescriptor descriptor)
    {
        var sourceId = descriptor.Id;
        SourceRequestGuard Guard(IServiceProvider sp) =>
            new(descriptor, sp.GetRequiredService<IOptionsMonitor<SourceOptions>>(), sp.GetRequiredService<IHostResolver>());
        services.AddHttpClient(HttpPageFetcher.ClientName(sourceId), client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var settings = sp.GetRequiredService<IOptionsMonitor<SourceOptions>>().Get(sourceId);
                var handler = new SocketsHttpHandler
                {
                    AutomaticDecompression = DecompressionMethods.All,
                    AllowAutoRedirect = false,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                    UseCookies = false,
                    ConnectCallback = Guard(sp).ConnectAsync,
                };
                if (settings.ProxyUrl is { Length: > 0 } proxy)
                {
                    handler.Proxy = new WebProxy(new Uri(proxy));
                    handler.UseProxy = true;
                }

                return handler;
            })
            .AddHttpMessageHandler(sp => Guard(sp).RedirectHandler())
            .AddResilienceHandler("alerts-source", (builder, context) =>
            {
                var settings = context.ServiceProvider.GetRequiredService<IOptionsMonitor<SourceOptions>>().Get(sourceId);
                builder.AddTimeout(new HttpTimeoutStrategyOptions
                {
                    Timeout = settings.Timeout * (settings.MaxRetries + 1) + settings.RetryBaseDelay * (1 << Math.Min(settings.MaxRetries, 6)) + TimeSpan.FromSeconds(1),
                });
                if (settings.MaxRetries > 0)
                {
                    var retry = new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = settings.MaxRetries,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = settings.RetryBaseDelay,
                        MaxDelay = TimeSpan.FromSeconds(60),
                        ShouldRetryAfterHeader = true,
                    };
                    var transient = retry.ShouldHandle;
                    retry.ShouldHandle = args =>
                    {
                        if (SourceRequestGuard.IsRefusal(args.Outcome.Exception))
                        {
                            return ValueTask.FromResult(false);
                        }

                        var request = args.Context.GetRequestMessage();
                        if (request is not null && request.Method != HttpMethod.Get && request.Method != HttpMethod.Head)
                        {
                            return ValueTask.FromResult(args.Outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError });
                        }

                        return transient(args);
                    };
                    builder.AddRetry(retry);
                }

                builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    FailureRatio = 0.8,
                    MinimumThroughput = 10,
                    SamplingDuration = TimeSpan.FromMinutes(2),
                    BreakDuration = TimeSpan.FromMinutes(5),
                });
                builder.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = settings.Timeout });
            });
    }

    /// <summary>
    /// The source id as an app-setting key segment: <c>cn-mofcom-announcements</c> → <c>cn_mofcom_announcements</c>.
    /// App Service allows only letters, digits, <c>.</c> and <c>_</c> in app setting names and drops dashes from the
    /// environment it passes on (MS Docs configure-common.md; dotnet/runtime#63312), so Azure settings use this
    /// spelling (<c>Sources__cn_mofcom_announcements__Schedule</c>); both spellings bind, the dash-free one last.
    /// </summary>
    public static string SettingKeyOf(string sourceId)
    {
        ArgumentNullException.ThrowIfNull(sourceId);
        return sourceId.Replace('-', '_');
    }
}
