using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Alerts.Core;
using Alerts.Core.Common;
using Alerts.Core.Sources;
using Alerts.Infrastructure;
using Alerts.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NCrontab;

namespace Alerts.Functions.Tests.Infra;

/// <summary>
/// The settings contract (issue 14): every app setting infra/main.bicep (or a parameter file's additionalAppSettings,
/// or src/Alerts.Functions/local.settings.json.template) writes binds to a property of an options class that
/// AddAlertsCore/AddAlertsInfrastructure register for that section, every option the code default gets wrong in Azure
/// is written, and the written values pass the options' own validation. A misspelt key (SendGrid__FromAddress for
/// FromEmail) or a dead one (Teams__KeyVaultUri) is caught here, not by a silent default in production.
/// </summary>
public sealed partial class SettingsContractTests
{
    // Read by the Functions host, App Service, the Azure SDK or the Application Insights exporter, not by options.
    private static readonly HashSet<string> PlatformSettings = new(StringComparer.OrdinalIgnoreCase)
    {
        "AzureWebJobsStorage",
        "FUNCTIONS_WORKER_RUNTIME",
        "AZURE_CLIENT_ID",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
        "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
        "WEBSITE_USE_PLACEHOLDER_DOTNETISOLATED",
    };

    private const string PlatformPrefix = "AzureWebJobsStorage__";

    // Options whose code default is wrong (or absent) in Azure: main.bicep must write them. The defaults point at
    // one machine (127.0.0.1, alerts@localhost, the outbox), and the timer triggers have no default at all.
    private static readonly string[] RequiredInAzure =
    [
        "Hosting:Mode",
        "Storage:TableServiceUri",
        "Storage:BlobServiceUri",
        "ServiceBus:FullyQualifiedNamespace",
        "SendGrid:ApiKey",
        "SendGrid:FromEmail",
        "Delivery:PublicBaseUrl",
        "Delivery:Schedule",
        "Digest:Schedule",
        "Reminders:Schedule",
        "Api:AdminKey",
        "Assessments:LinkSigningKey",
        "Assessments:EscalationSchedule",
        "Audit:PruneSchedule",
    ];

    // What App Service puts in place of a Key Vault reference once it resolves, for settings whose options check the
    // value's shape (the signing key must be base64 of 32+ bytes); the others keep the reference text as a stand-in.
    private static readonly Dictionary<string, string> ResolvedSecrets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Assessments:LinkSigningKey"] = Convert.ToBase64String(new byte[32]),
    };

    // Module outputs and expressions of main.bicep, as a deployment would resolve them (shape only).
    private static readonly Dictionary<string, string> SampleValues = new(StringComparer.Ordinal)
    {
        ["storage.outputs.name"] = "stalertsprodabc",
        ["storage.outputs.tableEndpoint"] = "https://stalertsprodabc.table.core.windows.net/",
        ["storage.outputs.blobEndpoint"] = "https://stalertsprodabc.blob.core.windows.net/",
        ["identity.outputs.clientId"] = "00000000-0000-0000-0000-000000000001",
        ["monitoring.outputs.appInsightsConnectionString"] = "InstrumentationKey=00000000-0000-0000-0000-000000000002",
        ["serviceBus.outputs.fullyQualifiedNamespace"] = "sb-alerts-prod-abc.servicebus.windows.net",
        ["serviceBus.outputs.topicName"] = "changes",
        ["serviceBus.outputs.alertsRaisedTopicName"] = "alerts-raised",
        ["keyVault.outputs.uri"] = "https://kv-alerts-prod-abc.vault.azure.net/",
        ["environmentName == 'prod' ? 'false' : 'true'"] = "false",
        ["names.functionApp"] = "func-alerts-prod-abc",
        ["empty(publicBaseUrl) ? 'https://${names.functionApp}.azurewebsites.net/api/ui' : publicBaseUrl"] =
            "https://func-alerts-prod-abc.azurewebsites.net/api/ui",
    };

    private static readonly string InfraDirectory = Path.Combine(RepositoryPaths.Root, "infra");

    private static readonly string MainBicep = File.ReadAllText(Path.Combine(InfraDirectory, "main.bicep"));

    private static readonly string[] ParameterFiles = ["main.dev.bicepparam", "main.prod.bicepparam"];

    public static TheoryData<string> ParameterFileNames => new(ParameterFiles);

    public static TheoryData<string> WrittenKeys => new(
        [.. AppSettings.SetByMainBicep(MainBicep)
            .Concat(ParameterFiles.SelectMany(file => AdditionalAppSettingKeys(ReadInfra(file))))
            .Concat(TemplateValues().Keys)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)]);

    public static TheoryData<string> RequiredSettings => new(RequiredInAzure);

    [Theory]
    [MemberData(nameof(WrittenKeys))]
    public void WrittenSetting_BindsToAnOptionsProperty(string key)
    {
        if (PlatformSettings.Contains(key) || key.StartsWith(PlatformPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var problem = BindingProblem(key);
        problem.ShouldBeNull($"{key} is written by infra/ or local.settings.json.template but {problem}");
    }

    [Theory]
    [MemberData(nameof(RequiredSettings))]
    public void MainBicep_WritesRequiredOption(string path) =>
        AppSettings.SetByMainBicep(MainBicep).ShouldContain(
            AppSettings.ToAppSettingName(path),
            $"{path} has no safe default in Azure: write {AppSettings.ToAppSettingName(path)} in coreAppSettings of infra/main.bicep");

    [Theory]
    [MemberData(nameof(ParameterFileNames))]
    public void DeployedSettings_PassOptionsValidation(string parameterFile)
    {
        var settings = DeployedSettings(ReadInfra(parameterFile));
        using var provider = Provider(settings);

        var failures = new List<string>();
        foreach (var (_, type) in RegisteredSections(provider.GetRequiredService<ServiceRegistrations>().Services))
        {
            var names = type == typeof(SourceOptions)
                ? SourcesServiceCollectionExtensions.Descriptors.Select(d => d.Id)
                : [Options.DefaultName];
            var monitor = provider.GetRequiredService(typeof(IOptionsMonitor<>).MakeGenericType(type));
            var get = monitor.GetType().GetMethod(nameof(IOptionsMonitor<object>.Get))!;
            foreach (var name in names)
            {
                try
                {
                    get.Invoke(monitor, [name]);
                }
                catch (TargetInvocationException ex) when (ex.InnerException is OptionsValidationException invalid)
                {
                    failures.AddRange(invalid.Failures);
                }
            }
        }

        failures.ShouldBeEmpty($"infra/main.bicep with {parameterFile} writes values the options reject");
    }

    [Theory]
    [MemberData(nameof(ParameterFileNames))]
    public void DeployedSettings_StartUpValidationPasses(string parameterFile)
    {
        using var provider = Provider(DeployedSettings(ReadInfra(parameterFile)));

        var failures = Failures(() => SettingsValidation.ValidateAll(provider));

        failures.ShouldBeEmpty($"the Functions host would not start with infra/main.bicep and {parameterFile}");
    }

    [Fact]
    public void StartUp_SendGridKeyWithoutSender_NamesSendGridFromEmail()
    {
        var settings = DeployedSettings(ReadInfra("main.prod.bicepparam"));
        settings.Remove("SendGrid:FromEmail");
        using var provider = Provider(settings);

        var failures = Failures(() => SettingsValidation.ValidateAll(provider));

        failures.ShouldHaveSingleItem().ShouldStartWith("SendGrid:FromEmail: ");
    }

    [Fact]
    public void StartUp_SeveralBadSettings_NamesEveryOne()
    {
        var settings = DeployedSettings(ReadInfra("main.prod.bicepparam"));
        settings.Remove("SendGrid:FromEmail");
        settings.Remove("Delivery:PublicBaseUrl");
        settings["Digest:Schedule"] = "0 0 7 * * 1";
        settings["Sources:jp_meti_press:MaxRetries"] = "99";
        using var provider = Provider(settings);

        var failures = Failures(() => SettingsValidation.ValidateAll(provider));

        failures.Select(f => f[..f.IndexOf(": ", StringComparison.Ordinal)]).ShouldBe(
            ["SendGrid:FromEmail", "Delivery:PublicBaseUrl", "Digest:Schedule", "Sources:jp-meti-press:MaxRetries"], ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(ParameterFileNames))]
    public void DigestSchedule_WakesTheDigestEveryHour(string parameterFile)
    {
        // The digest service sends each recipient at its own local hour (DigestService.DueAt): woken less often than
        // hourly, a recipient whose hour is never hit gets nothing. Checked for a whole week (weekly cadence).
        var schedule = DeployedSettings(ReadInfra(parameterFile))["Digest:Schedule"].ShouldNotBeNull();
        FiresEveryHour(schedule).ShouldBeTrue($"Digest__Schedule '{schedule}' must fire at least once in every hour of the week");
    }

    [Fact]
    public void LocalTemplate_DigestSchedule_WakesTheDigestEveryHour()
    {
        var schedule = TemplateValues()["Digest__Schedule"].ShouldNotBeNull();
        FiresEveryHour(schedule).ShouldBeTrue($"Digest__Schedule '{schedule}' in local.settings.json.template must fire hourly");
    }

    [Fact]
    public void Contract_RejectsAMisspeltOrDeadKey()
    {
        // Guards the check itself: these are the keys issue 14 found written and never read.
        BindingProblem("SendGrid__FromAddress").ShouldNotBeNull();
        BindingProblem("Teams__KeyVaultUri").ShouldNotBeNull();
        BindingProblem("Nowhere__Key").ShouldNotBeNull();
        BindingProblem("Sources__no_such_source__Schedule").ShouldNotBeNull();
        BindingProblem("SendGrid__FromEmail").ShouldBeNull();
        BindingProblem("Sources__jp_meti_press__ProxyUrl").ShouldBeNull();
        BindingProblem("Sources__jp-meti-press__AllowedHosts__0").ShouldBeNull();
    }

    [Fact]
    public void RegisteredSections_FindTheKnownOptions()
    {
        using var provider = Provider(new Dictionary<string, string?> { ["Hosting:Mode"] = "Azure" });
        var sections = RegisteredSections(provider.GetRequiredService<ServiceRegistrations>().Services).Select(s => s.Section);

        sections.ShouldBe(["Api", "Assessments", "Audit", "Delivery", "Digest", "Hosting", "KeyVault", "Reminders", "SendGrid", "ServiceBus", "Sources", "Storage", "Teams"], ignoreOrder: true);
    }

    private static IReadOnlyList<string> Failures(Action start)
    {
        try
        {
            start();
            return [];
        }
        catch (Exception ex) when (SettingsValidation.TryGetFailures(ex, out var failures))
        {
            return failures;
        }
    }

    /// <summary>Null when <paramref name="key"/> binds to an options property; otherwise why not.</summary>
    private static string? BindingProblem(string key)
    {
        var parts = key.Split("__");
        var sections = AzureSections();
        if (!sections.TryGetValue(parts[0], out var type))
        {
            return $"no options class registered by AddAlertsCore/AddAlertsInfrastructure (Azure mode) binds the section {parts[0]} (known: {string.Join(", ", sections.Keys.Order(StringComparer.Ordinal))})";
        }

        var rest = parts[1..];
        if (type == typeof(SourceOptions))
        {
            var id = rest.Length > 0 ? rest[0] : "";
            if (!SourcesServiceCollectionExtensions.Descriptors.Any(d =>
                    d.Id.Equals(id, StringComparison.OrdinalIgnoreCase)
                    || d.Id.Replace('-', '_').Equals(id, StringComparison.OrdinalIgnoreCase)))
            {
                return $"Sources:{id} is not a source id";
            }

            rest = rest[1..];
        }

        return PropertyProblem(type, rest, parts[0]);
    }

    private static string? PropertyProblem(Type type, string[] path, string where)
    {
        if (path.Length == 0)
        {
            return $"{where} names a section, not a setting";
        }

        var property = type.GetProperty(path[0], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        if (property is null || property.GetMethod is null)
        {
            var known = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).Order(StringComparer.Ordinal);
            return $"{type.Name} has no property {path[0]} (it has {string.Join(", ", known)})";
        }

        var propertyType = property.PropertyType;
        if (path.Length == 1)
        {
            return property.SetMethod is { IsPublic: true } || IsCollection(propertyType)
                ? null
                : $"{type.Name}.{property.Name} has no public setter";
        }

        if (IsCollection(propertyType))
        {
            return path.Length == 2 && int.TryParse(path[1], out _) ? null : $"{type.Name}.{property.Name} is a list: expected an index";
        }

        return IsLeaf(propertyType)
            ? $"{type.Name}.{property.Name} is a value, not a section"
            : PropertyProblem(propertyType, path[1..], $"{where}:{property.Name}");
    }

    private static bool IsCollection(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);

    private static bool IsLeaf(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(Uri) || t == typeof(TimeSpan) || t == typeof(decimal)
            || t == typeof(DateTimeOffset) || t == typeof(DateTime);
    }

    private static Dictionary<string, Type> AzureSections()
    {
        var services = Register(new Dictionary<string, string?> { ["Hosting:Mode"] = "Azure" });
        return RegisteredSections(services).ToDictionary(s => s.Section, s => s.Type, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Options types the registrations configure (<c>IConfigureOptions&lt;T&gt;</c>, <c>IValidateOptions&lt;T&gt;</c>)
    /// that declare <c>const string SectionName</c>: the section each binds.
    /// </summary>
    private static IEnumerable<(string Section, Type Type)> RegisteredSections(IServiceCollection services) =>
        services
            .Select(d => d.ServiceType)
            .Where(t => t.IsGenericType
                        && (t.GetGenericTypeDefinition() == typeof(IConfigureOptions<>)
                            || t.GetGenericTypeDefinition() == typeof(IValidateOptions<>)))
            .Select(t => t.GetGenericArguments()[0])
            .Distinct()
            .Select(t => (Field: t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static), Type: t))
            .Where(x => x.Field is { IsLiteral: true })
            .Select(x => ((string)x.Field!.GetRawConstantValue()!, x.Type));

    private static ServiceCollection Register(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddAlertsCore(configuration);
        services.AddAlertsInfrastructure(configuration);
        services.AddSingleton(new ServiceRegistrations(services));
        return services;
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings) => Register(settings).BuildServiceProvider();

    /// <summary>main.bicep's app settings with one parameter file, as configuration keys (<c>:</c>) and sample values.</summary>
    private static Dictionary<string, string?> DeployedSettings(string parameterFile)
    {
        var parameters = ParameterValues(parameterFile);
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in AppSettings.SetByMainBicep(MainBicep))
        {
            var value = AppSettings.ValueInMainBicep(MainBicep, name);
            settings[name.Replace("__", ":", StringComparison.Ordinal)] = value is null ? SourceSchedule(name) : Resolve(value, parameters);
        }

        foreach (var (key, secret) in ResolvedSecrets)
        {
            if (settings.TryGetValue(key, out var reference) && reference?.StartsWith("@Microsoft.KeyVault(", StringComparison.Ordinal) == true)
            {
                settings[key] = secret;
            }
        }

        return settings;
    }

    private static string SourceSchedule(string name)
    {
        var id = name.Split("__")[1];
        var param = name.EndsWith("__RevalidateSchedule", StringComparison.Ordinal) ? "sourceRevalidateSchedules" : "sourceSchedules";
        var lines = MainBicep.ReplaceLineEndings("\n").Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith($"param {param} object = {{", StringComparison.Ordinal));
        for (var i = start + 1; start >= 0 && i < lines.Length && lines[i].TrimEnd() != "}"; i++)
        {
            if (SourceScheduleLine().Match(lines[i]) is { Success: true } m && m.Groups["id"].Value.Replace('-', '_') == id)
            {
                return m.Groups["value"].Value;
            }
        }

        throw new InvalidOperationException($"{name}: no value in param {param} of main.bicep");
    }

    private static string Resolve(string expression, Dictionary<string, string> parameters)
    {
        var value = expression.Trim();
        if (value.StartsWith('\'') && value.EndsWith('\''))
        {
            // A string, maybe interpolated: each ${…} becomes a placeholder of the right shape for a host name part.
            return Interpolation().Replace(Unquote(value), m => SampleValues.TryGetValue(m.Groups["e"].Value, out var s) ? s : "x");
        }

        if (parameters.TryGetValue(value, out var parameter))
        {
            return parameter;
        }

        return SampleValues.TryGetValue(value, out var sample)
            ? sample
            : throw new InvalidOperationException($"main.bicep app setting value `{value}`: add a sample to {nameof(SampleValues)}");
    }

    private static string Unquote(string value)
    {
        var v = value.Trim();
        return v.Length >= 2 && v[0] == '\'' && v[^1] == '\'' ? v[1..^1] : v;
    }

    private static Dictionary<string, string> ParameterValues(string parameterFile) =>
        ParameterLine().Matches(parameterFile).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value, StringComparer.Ordinal);

    private static IEnumerable<string> AdditionalAppSettingKeys(string parameterFile)
    {
        var lines = parameterFile.ReplaceLineEndings("\n").Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith("param additionalAppSettings = {", StringComparison.Ordinal));
        if (start < 0 || lines[start].TrimEnd().EndsWith('}'))
        {
            yield break;
        }

        for (var i = start + 1; i < lines.Length && lines[i].TrimEnd() != "}"; i++)
        {
            if (AdditionalKey().Match(lines[i]) is { Success: true } m)
            {
                yield return m.Groups["key"].Value;
            }
        }
    }

    private static Dictionary<string, string?> TemplateValues()
    {
        using var template = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "Alerts.Functions", "local.settings.json.template")));
        return template.RootElement.GetProperty("Values").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetString(), StringComparer.OrdinalIgnoreCase);
    }

    private static string ReadInfra(string file) => File.ReadAllText(Path.Combine(InfraDirectory, file));

    private static bool FiresEveryHour(string schedule)
    {
        var parsed = CrontabSchedule.TryParse(schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        if (parsed is null)
        {
            return false;
        }

        var monday = new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc);
        return Enumerable.Range(0, 7 * 24).All(h =>
        {
            var hourStart = monday.AddHours(h);
            return parsed.GetNextOccurrence(hourStart.AddTicks(-1), hourStart.AddHours(1)) < hourStart.AddHours(1);
        });
    }

    [GeneratedRegex(@"^  '(?<id>[^']+)'\s*:\s*'(?<value>[^']*)'")]
    private static partial Regex SourceScheduleLine();

    [GeneratedRegex(@"\$\{(?<e>[^}]+)\}")]
    private static partial Regex Interpolation();

    [GeneratedRegex(@"^param\s+(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*=\s*'(?<value>[^']*)'\s*$", RegexOptions.Multiline)]
    private static partial Regex ParameterLine();

    [GeneratedRegex(@"^\s+'?(?<key>[A-Za-z_][A-Za-z0-9_\-]*)'?\s*:")]
    private static partial Regex AdditionalKey();

    private sealed record ServiceRegistrations(IServiceCollection Services);
}
