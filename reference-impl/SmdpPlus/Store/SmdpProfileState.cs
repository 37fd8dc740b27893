namespace Conformance.SmdpPlus.Store;

/// <summary>
/// States of a profile in the SM-DP+ inventory (SGP.22 v2.5 §3.1.1 profile download and installation,
/// ES2+ §5.3.1–§5.3.5). Stored by name (lower case) in the database.
/// </summary>
public enum SmdpProfileState
{
    /// <summary>In the inventory, not reserved for any order.</summary>
    Available,

    /// <summary>Reserved by DownloadOrder without an EID.</summary>
    Allocated,

    /// <summary>Reserved by DownloadOrder with an EID (linked to that eUICC).</summary>
    Linked,

    /// <summary>ConfirmOrder done with releaseFlag false: waiting for ReleaseProfile.</summary>
    Confirmed,

    /// <summary>Ready for download (ConfirmOrder with releaseFlag true, or ReleaseProfile).</summary>
    Released,

    /// <summary>The bound profile package was delivered by GetBoundProfilePackage.</summary>
    Downloaded,

    /// <summary>The eUICC reported successful installation (ProfileInstallationResult).</summary>
    Installed,

    /// <summary>The download or installation failed.</summary>
    Error,

    /// <summary>Taken out of the inventory (CancelOrder with finalProfileStatusIndicator Unavailable).</summary>
    Unavailable,
}

/// <summary>The one place that says which profile state changes are allowed.</summary>
public static class ProfileStateMachine
{
    private static readonly Dictionary<SmdpProfileState, SmdpProfileState[]> Allowed = new()
    {
        // DownloadOrder (§5.3.1): without EID -> Allocated, with EID -> Linked.
        [SmdpProfileState.Available] = [SmdpProfileState.Allocated, SmdpProfileState.Linked, SmdpProfileState.Unavailable],
        // ConfirmOrder (§5.3.2): -> Confirmed (releaseFlag false) or Released (releaseFlag true);
        // CancelOrder (§5.3.3): -> Available or Unavailable.
        [SmdpProfileState.Allocated] = [SmdpProfileState.Confirmed, SmdpProfileState.Released, SmdpProfileState.Available, SmdpProfileState.Unavailable],
        [SmdpProfileState.Linked] = [SmdpProfileState.Confirmed, SmdpProfileState.Released, SmdpProfileState.Available, SmdpProfileState.Unavailable],
        // ReleaseProfile (§5.3.4): Confirmed -> Released.
        [SmdpProfileState.Confirmed] = [SmdpProfileState.Released, SmdpProfileState.Available, SmdpProfileState.Unavailable],
        // GetBoundProfilePackage (§5.6.2) -> Downloaded; failures -> Error.
        [SmdpProfileState.Released] = [SmdpProfileState.Downloaded, SmdpProfileState.Error, SmdpProfileState.Available, SmdpProfileState.Unavailable],
        // HandleNotification with ProfileInstallationResult (§5.6.4): -> Installed or Error.
        // A retried GetBoundProfilePackage stays in Downloaded; CancelSession postponed/timeout (§5.6.5) -> Released.
        [SmdpProfileState.Downloaded] = [SmdpProfileState.Installed, SmdpProfileState.Error, SmdpProfileState.Downloaded, SmdpProfileState.Released, SmdpProfileState.Available, SmdpProfileState.Unavailable],
        [SmdpProfileState.Installed] = [],
        // After an error the operator decides with CancelOrder, or the eUICC retries the download while the
        // order's download attempts last (GetBoundProfilePackage -> Downloaded).
        [SmdpProfileState.Error] = [SmdpProfileState.Downloaded, SmdpProfileState.Available, SmdpProfileState.Unavailable],
        [SmdpProfileState.Unavailable] = [SmdpProfileState.Available],
    };

    public static bool CanTransition(SmdpProfileState from, SmdpProfileState to) =>
        Allowed.TryGetValue(from, out SmdpProfileState[]? targets) && targets.Contains(to);

    /// <summary>States CancelOrder may act on: an order exists (SGP.22 §5.3.3).</summary>
    public static bool HasOrder(SmdpProfileState state) => state is SmdpProfileState.Allocated or SmdpProfileState.Linked
        or SmdpProfileState.Confirmed or SmdpProfileState.Released or SmdpProfileState.Downloaded or SmdpProfileState.Error;

    public static string ToDb(this SmdpProfileState s) => s.ToString().ToLowerInvariant();

    public static SmdpProfileState FromDb(string s) =>
        Enum.TryParse(s, ignoreCase: true, out SmdpProfileState v) ? v
            : throw new InvalidDataException($"unknown profile state '{s}' in the database");
}

/// <summary>A refused state change, named after both states.</summary>
public sealed class InvalidProfileTransitionException(string iccid, SmdpProfileState from, SmdpProfileState to)
    : InvalidOperationException($"profile {iccid}: transition {from} -> {to} is not allowed")
{
    public string Iccid { get; } = iccid;
    public SmdpProfileState From { get; } = from;
    public SmdpProfileState To { get; } = to;
}
