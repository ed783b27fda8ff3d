namespace Alerts.Cli.Commands;

/// <summary>Exit codes shared by every verb (sysexits.h where one fits).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int BadInput = 2;

    /// <summary>A polled source was unhealthy (see stderr for its id and failure class).</summary>
    public const int SourceUnhealthy = 3;

    /// <summary>The port asked for (<c>--port</c>) is taken by another program.</summary>
    public const int PortInUse = 4;

    /// <summary>The <c>--data</c> folder cannot be used: not writable, or its database is damaged or not ours.</summary>
    public const int DataUnusable = 5;

    /// <summary>EX_USAGE: the verb exists in the help but is not built yet.</summary>
    public const int NotBuilt = 64;
}
