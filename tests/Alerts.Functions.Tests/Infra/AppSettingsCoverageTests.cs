using Alerts.Testing;

namespace Alerts.Functions.Tests.Infra;

/// <summary>
/// Every app setting the deployed code reads is set by infra/main.bicep: each <c>%Name%</c> of a trigger attribute
/// (an unresolved one stops the Functions host from indexing the function) and each options section bound at
/// start-up (<c>ValidateOnStart</c> fails the host when required values are missing).
/// </summary>
public sealed class AppSettingsCoverageTests
{
    // Options sections whose every value has a safe default in code, so Azure needs no app setting for them.
    // Add a section here only with a comment saying why its defaults are right in Azure.
    private static readonly HashSet<string> SectionsWithSafeDefaults = new(StringComparer.OrdinalIgnoreCase)
    {
        // The durable local bus exists only in the embedded default (alerts run); Azure uses Service Bus.
        "LocalBus",

        // The drain and digest loops are hosted only by alerts run; in Azure the timer functions replace them.
        "DeliveryLoops",
    };

    // Alerts.Cli is the one-machine host and is not deployed to Azure; its settings are not app settings.
    private static readonly string[] DeployedProjects = ["Alerts.Core", "Alerts.Infrastructure", "Alerts.Functions"];

    private static readonly string MainBicep = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "main.bicep"));

    private static readonly IReadOnlySet<string> Set = AppSettings.SetByMainBicep(MainBicep);

    private static readonly string[] TriggerSettingNames =
        [.. DeployedCode().SelectMany(AppSettings.TriggerExpressions).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)];

    private static readonly string[] SectionNames =
        [.. DeployedCode().SelectMany(AppSettings.OptionsSections).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)];

    public static TheoryData<string> TriggerSettings => new(TriggerSettingNames);

    public static TheoryData<string> Sections => new(SectionNames);

    [Theory]
    [MemberData(nameof(TriggerSettings))]
    public void MainBicep_SetsEveryTriggerExpression(string name) =>
        Set.ShouldContain(name, $"[TimerTrigger(\"%{name}%\")] needs the app setting {name} in coreAppSettings of infra/main.bicep");

    [Theory]
    [MemberData(nameof(Sections))]
    public void MainBicep_SetsEveryOptionsSection(string section)
    {
        if (SectionsWithSafeDefaults.Contains(section))
        {
            return;
        }

        Set.ShouldContain(
            name => name.StartsWith(section + "__", StringComparison.OrdinalIgnoreCase),
            $"options section {section} is bound at start-up: set its {section}__… keys in coreAppSettings of infra/main.bicep, or list it in SectionsWithSafeDefaults with a reason");
    }

    [Fact]
    public void Scan_FindsTheKnownTriggerAndSections()
    {
        // Guards the scan itself: if these vanish the theories above would pass on nothing.
        TriggerSettingNames.ShouldContain("Sources__cn_mofcom_announcements__Schedule");
        TriggerSettingNames.ShouldContain("Delivery__Schedule");
        SectionNames.ShouldContain("Storage");
        SectionNames.ShouldContain("Hosting");
    }

    [Theory]
    [InlineData("Hosting__Mode")]
    [InlineData("Storage__TableServiceUri")]
    [InlineData("Storage__BlobServiceUri")]
    [InlineData("ServiceBus__FullyQualifiedNamespace")]
    [InlineData("SendGrid__ApiKey")]
    [InlineData("Api__AdminKey")]
    [InlineData("Assessments__LinkSigningKey")]
    [InlineData("Delivery__Schedule")]
    [InlineData("Digest__Schedule")]
    [InlineData("Reminders__Schedule")]
    [InlineData("Assessments__EscalationSchedule")]
    [InlineData("Audit__PruneSchedule")]
    [InlineData("AzureWebJobsStorage__accountName")]
    [InlineData("AzureWebJobsStorage__credential")]
    [InlineData("AzureWebJobsStorage__clientId")]
    [InlineData("APPLICATIONINSIGHTS_AUTHENTICATION_STRING")]
    [InlineData("Sources__cn_mofcom_announcements__Schedule")]
    [InlineData("Sources__cn_mofcom_bis__Schedule")]
    [InlineData("Sources__cn_mofcom_exportcontrol__Schedule")]
    [InlineData("Sources__cn_mofcom_spokesperson__Schedule")]
    [InlineData("Sources__jp_meti_press__Schedule")]
    [InlineData("Sources__jp_meti_anpo__Schedule")]
    [InlineData("Sources__jp_mofa_press_ja__Schedule")]
    [InlineData("Sources__jp_mofa_press_en__Schedule")]
    [InlineData("Sources__jp_kantei_news__Schedule")]
    [InlineData("Sources__cn_gacc_announcements__Schedule")]
    public void MainBicep_SetsRequiredSetting(string name) => Set.ShouldContain(name);

    [Theory]
    [InlineData("SendGrid__ApiKey")]
    [InlineData("Api__AdminKey")]
    [InlineData("Assessments__LinkSigningKey")]
    public void MainBicep_Secrets_AreKeyVaultReferences(string name) =>
        AppSettings.ValueInMainBicep(MainBicep, name).ShouldNotBeNull().ShouldStartWith("'@Microsoft.KeyVault(VaultName=");

    [Fact]
    public void MainBicep_NoConnectionStringForHostStorage() =>
        Set.ShouldNotContain("AzureWebJobsStorage", "host storage must be identity-based (AzureWebJobsStorage__accountName)");

    [Fact]
    public void TriggerExpressions_TimerAttribute_YieldsAppSettingName() =>
        AppSettings.TriggerExpressions("[TimerTrigger(\"%Sources:jp-meti-press:Schedule%\")] TimerInfo t")
            .ShouldBe(["Sources__jp-meti-press__Schedule"]);

    [Fact]
    public void OptionsSections_SectionNameConstant_YieldsSection() =>
        AppSettings.OptionsSections("public const string SectionName = \"SendGrid\";").ShouldBe(["SendGrid"]);

    [Fact]
    public void SetByMainBicep_SourceSchedules_BecomePerSourceSettings()
    {
        const string bicep = """
            param sourceSchedules object = {
              'a-b': '0 * * * * *'
            }
            param sourceRevalidateSchedules object = {
              'a-b': '0 0 */6 * * *'
            }
            var coreAppSettings = {
              Hosting__Mode: 'Azure'
              nested: {
                Inner__Key: 'x'
              }
            }
            """;

        AppSettings.SetByMainBicep(bicep).ShouldBe(["Hosting__Mode", "nested", "Sources__a_b__Schedule", "Sources__a_b__RevalidateSchedule"], ignoreOrder: true);
    }

    [Fact]
    public void SetByMainBicep_MainBicep_WritesARevalidateScheduleForEverySource()
    {
        var names = AppSettings.SetByMainBicep(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "main.bicep")));

        foreach (var id in Core.Sources.SourcesServiceCollectionExtensions.Descriptors.Select(d => d.Id))
        {
            names.ShouldContain($"Sources__{id.Replace('-', '_')}__RevalidateSchedule");
        }
    }

    private static IEnumerable<string> DeployedCode() =>
        DeployedProjects
            .Select(project => Path.Combine(RepositoryPaths.Root, "src", project))
            .Where(Directory.Exists)
            .SelectMany(directory => Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                           && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText);
}
