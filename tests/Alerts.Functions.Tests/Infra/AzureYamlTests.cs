using System.Text.Json.Nodes;
using Alerts.Testing;
using YamlDotNet.RepresentationModel;

namespace Alerts.Functions.Tests.Infra;

/// <summary>
/// azure.yaml, checked by structure (no copy of the azd JSON schema can be had offline): the fields azd needs to
/// provision infra/main.bicep and deploy the Functions project, and the parameters file it fills from the environment.
/// </summary>
public sealed class AzureYamlTests
{
    private static YamlMappingNode Root()
    {
        var stream = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "azure.yaml")));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static string Scalar(YamlMappingNode node, params string[] path)
    {
        YamlNode current = node;
        foreach (var key in path)
        {
            current = ((YamlMappingNode)current).Children[new YamlScalarNode(key)];
        }

        return ((YamlScalarNode)current).Value!;
    }

    [Fact]
    public void AzureYaml_NameFollowsTheAzdRule()
    {
        // azd: the project name is letters, digits and '-', starting with a letter.
        Scalar(Root(), "name").ShouldMatch("^[a-z][a-z0-9-]*$");
    }

    [Fact]
    public void AzureYaml_Infra_IsTheBicepMainModule()
    {
        var root = Root();

        Scalar(root, "infra", "provider").ShouldBe("bicep");
        File.Exists(Path.Combine(RepositoryPaths.Root, Scalar(root, "infra", "path"), Scalar(root, "infra", "module") + ".bicep")).ShouldBeTrue();
    }

    [Fact]
    public void AzureYaml_Service_IsTheFunctionsProjectHostedAsAFunction()
    {
        var root = Root();
        var services = (YamlMappingNode)root.Children[new YamlScalarNode("services")];
        var name = ((YamlScalarNode)services.Children.Keys.Single()).Value!;

        Scalar(root, "services", name, "host").ShouldBe("function");
        Scalar(root, "services", name, "language").ShouldBe("dotnet");
        var project = Path.Combine(RepositoryPaths.Root, Scalar(root, "services", name, "project"));
        Directory.GetFiles(project, "*.csproj").ShouldHaveSingleItem().ShouldEndWith("Alerts.Functions.csproj");

        // azd finds the deploy target by this tag (infra/modules/functionapp.bicep).
        File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "modules", "functionapp.bicep")).ShouldContain($"'azd-service-name': '{name}'");
    }

    [Fact]
    public void ParametersFile_SetsEveryRequiredParameterOfMainBicep()
    {
        var parameters = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "main.parameters.json")))!["parameters"]!.AsObject();
        var bicep = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "infra", "main.bicep"));

        // A parameter without a default ("param name type" and nothing after) must come from the azd environment.
        var required = bicep
            .Select(l => l.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(parts => parts.Length == 3 && parts[0] == "param")
            .Select(parts => parts[1])
            .ToList();

        required.ShouldNotBeEmpty();
        foreach (var name in required)
        {
            parameters.ContainsKey(name).ShouldBeTrue(name);
        }

        parameters.Select(p => p.Key).ShouldAllBe(name => bicep.Any(l => l.TrimStart().StartsWith($"param {name} ", StringComparison.Ordinal)));
    }
}
