namespace Alerts.Functions.Tests.Infra;

/// <summary>infra/ lints and builds with zero errors, and the linter gates really are gates.</summary>
[Collection(BicepCollection.Name)]
public sealed class BicepTests(BicepCli bicep)
{
    // Every error-level rule of infra/bicepconfig.json. Bicep silently ignores unknown rule names, so the canary
    // must trip each one by name; a misspelt rule in the config would show up here as a missing diagnostic.
    private static readonly string[] ErrorRuleNames =
    [
        "no-unused-params",
        "no-unused-vars",
        "no-hardcoded-location",
        "no-hardcoded-env-urls",
        "secure-secrets-in-params",
        "outputs-should-not-contain-secrets",
        "use-secure-value-for-secure-inputs",
        "secure-parameter-default",
        "protect-commandtoexecute-secrets",
        "adminusername-should-not-be-literal",
    ];

    public static TheoryData<string> ErrorRules => new(ErrorRuleNames);

    [Fact]
    public async Task Lint_MainBicep_HasNoErrors()
    {
        var result = await bicep.RunAsync("lint", "main.bicep");

        result.Output.ShouldNotContain(") : Error ", customMessage: result.Output);
        result.ExitCode.ShouldBe(0, result.Output);
    }

    [Fact]
    public async Task Build_MainBicep_ProducesArmTemplate()
    {
        var result = await bicep.RunAsync("build", "main.bicep", "--stdout");

        result.ExitCode.ShouldBe(0, result.Output);
        result.Output.ShouldContain("\"$schema\"");
        result.Output.ShouldNotContain(") : Error ");
    }

    [Theory]
    [InlineData("main.dev.bicepparam")]
    [InlineData("main.prod.bicepparam")]
    public async Task BuildParams_ParameterFile_IsValidForMainBicep(string file)
    {
        var result = await bicep.RunAsync("build-params", file, "--stdout");

        result.ExitCode.ShouldBe(0, result.Output);
        result.Output.ShouldNotContain(") : Error ");
    }

    [Fact]
    public async Task Lint_Canary_Fails()
    {
        var result = await bicep.RunAsync("lint", Path.Combine("tests", "lint-canary.bicep"));

        result.ExitCode.ShouldBe(1, result.Output);
    }

    [Theory]
    [MemberData(nameof(ErrorRules))]
    public async Task Lint_Canary_ReportsRuleAsError(string rule)
    {
        var result = await bicep.RunAsync("lint", Path.Combine("tests", "lint-canary.bicep"));

        result.Output.ShouldContain($") : Error {rule}:", customMessage: result.Output);
    }

    [Fact]
    public void BicepConfig_ErrorRules_AreAllCoveredByTheCanary()
    {
        var config = File.ReadAllText(Path.Combine(BicepCli.InfraDirectory, "bicepconfig.json"));
        var errorRules = System.Text.RegularExpressions.Regex.Matches(config, "\"([a-z0-9-]+)\"\\s*:\\s*\\{\\s*\"level\"\\s*:\\s*\"error\"")
            .Select(m => m.Groups[1].Value)
            .ToList();

        errorRules.ShouldNotBeEmpty();
        errorRules.ShouldBe(ErrorRuleNames, ignoreOrder: true);
    }

    [Fact]
    public void Modules_AreLocalOnly()
    {
        var registryModules = Directory.EnumerateFiles(BicepCli.InfraDirectory, "*.bicep", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("'br:", StringComparison.Ordinal) || File.ReadAllText(f).Contains("'br/", StringComparison.Ordinal))
            .ToList();

        registryModules.ShouldBeEmpty("registry modules cannot be restored on the offline build machine");
    }
}
