using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Common;

/// <summary>
/// Options validation whose every failure names the setting by its configuration path (<c>SendGrid:FromEmail: …</c>),
/// and the one-line-per-setting report of a failed start-up (issue 14: the host does not start, and says which
/// setting is wrong — every one of them, not only the first).
/// </summary>
public static class SettingsValidation
{
    /// <summary>
    /// Like <c>ValidateDataAnnotations</c> (property attributes, then <see cref="IValidatableObject"/>), but each
    /// failure reads <c>{sectionPath}:{Member}: {message}</c>.
    /// </summary>
    public static OptionsBuilder<TOptions> ValidateSettings<TOptions>(this OptionsBuilder<TOptions> builder, string sectionPath)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IValidateOptions<TOptions>>(new AnnotatedSettingsValidator<TOptions>(builder.Name, sectionPath));
        return builder;
    }

    /// <summary>
    /// Runs every <c>ValidateOnStart</c> validation now, before anything resolves a service whose options would throw
    /// on their own (the host validates only when it starts, after some services already exist): throws the
    /// <see cref="AggregateException"/> of every failing options type, for <see cref="TryGetFailures"/>.
    /// </summary>
    public static void ValidateAll(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.GetService<IStartupValidator>()?.Validate();
    }

    /// <summary>One failure line: <c>{path}: {message}</c>, with the path of each member named.</summary>
    public static string Describe(string sectionPath, ValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var members = result.MemberNames.Where(m => !string.IsNullOrEmpty(m)).Select(m => $"{sectionPath}:{m}").ToList();
        var path = members.Count == 0 ? sectionPath : string.Join(" or ", members);
        return $"{path}: {result.ErrorMessage}";
    }

    /// <summary>
    /// The failures of options validation in <paramref name="exception"/> (an <see cref="OptionsValidationException"/>,
    /// or the <see cref="AggregateException"/> start-up validation throws when several options types fail), one entry
    /// per bad setting; false when it is not an options validation failure.
    /// </summary>
    public static bool TryGetFailures(Exception? exception, out IReadOnlyList<string> failures)
    {
        var found = new List<string>();
        Collect(exception, found);
        failures = [.. found.Distinct(StringComparer.Ordinal)];
        return found.Count > 0;
    }

    private static void Collect(Exception? exception, List<string> found)
    {
        switch (exception)
        {
            case OptionsValidationException invalid:
                found.AddRange(invalid.Failures);
                break;
            case AggregateException aggregate:
                foreach (var inner in aggregate.InnerExceptions)
                {
                    Collect(inner, found);
                }

                break;
            case { InnerException: { } inner }:
                Collect(inner, found);
                break;
        }
    }
}

/// <summary>Data annotations of <typeparamref name="TOptions"/>, each failure prefixed with its configuration path.</summary>
internal sealed class AnnotatedSettingsValidator<TOptions>(string? registeredName, string sectionPath) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        if (registeredName is not null && registeredName != name)
        {
            return ValidateOptionsResult.Skip;
        }

        ArgumentNullException.ThrowIfNull(options);
        var results = new List<ValidationResult>();
        return Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(results.Select(r => SettingsValidation.Describe(sectionPath, r)));
    }
}
