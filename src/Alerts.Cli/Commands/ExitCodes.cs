namespace Alerts.Cli.Commands;

/// <summary>Exit codes shared by every verb (sysexits.h where one fits).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int BadInput = 2;

    /// <summary>A polled source was unhealthy (see stderr for its id and failure class).</summary>
    public const int SourceUnhealthy = 3;

    /// <summary>EX_USAGE: the verb exists in the help but is not built yet.</summary>
    public const int NotBuilt = 64;
}
