using System.Security.Cryptography;
using Alerts.Core.Assessments;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alerts.Infrastructure.Assessments;

/// <summary>
/// <c>alerts run</c> and <c>alerts demo</c> without <c>Assessments:LinkSigningKey</c>: the key is read from
/// <c>{DataDirectory}/link-signing.key</c>, which is created once with 32 random bytes when absent and never
/// overwritten (a new key would break every action link already sent). Only the owner may read it on Unix.
/// </summary>
internal sealed class EmbeddedLinkSigningKey(IOptions<HostingOptions> hosting) : IPostConfigureOptions<AssessmentOptions>
{
    public void PostConfigure(string? name, AssessmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.LinkSigningKey))
        {
            options.LinkSigningKey = LoadOrCreate(Path.Combine(hosting.Value.DataDirectory, LinkSigningKeyFile.Name));
        }
    }

    /// <summary>The key in <paramref name="path"/>; a new one written there first when the file does not exist.</summary>
    internal static string LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(AssessmentOptions.MinimumKeyBytes));
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            try
            {
                using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, create);
                writer.Write(key);
                return key;
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first (two verbs over one folder): its key wins, ours is dropped.
            }
        }

        return File.ReadAllText(path).Trim();
    }
}

internal static class AssessmentsInfrastructureExtensions
{
    public static IServiceCollection AddAssessmentsInfrastructure(this IServiceCollection services, HostingMode mode)
    {
        if (mode == HostingMode.Embedded)
        {
            services.AddSingleton<IPostConfigureOptions<AssessmentOptions>, EmbeddedLinkSigningKey>();
        }

        return services;
    }
}

/// <summary>The name of the embedded action-link key file under the data folder (public: <c>alerts demo</c> knows it as its own).</summary>
public static class LinkSigningKeyFile
{
    public const string Name = "link-signing.key";
}
