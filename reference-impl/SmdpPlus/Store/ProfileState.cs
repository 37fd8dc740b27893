namespace Conformance.SmdpPlus.Store;

/// <summary>
/// States of a profile in the SM-DP+ inventory (SGP.22 v2.5 §3.1.1 profile download and installation,
/// ES2+ §5.3.1–§5.3.5). Stored by name (lower case) in the database.
/// </summary>
public enum ProfileState
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
    private static readonly Dictionary<ProfileState, ProfileState[]> Allowed = new()
    {
        // DownloadOrder (§5.3.1): without EID -> Allocated, with EID -> Linked.
        [ProfileState.Available] = [ProfileState.Allocated, ProfileState.Linked, ProfileState.Unavailable],
        // ConfirmOrder (§5.3.2): -> Confirmed (releaseFlag false) or Released (releaseFlag true);
        // CancelOrder (§5.3.3): -> Available or Unavailable.
        [ProfileState.Allocated] = [ProfileState.Confirmed, ProfileState.Released, ProfileState.Available, ProfileState.Unavailable],
        [ProfileState.Linked] = [ProfileState.Confirmed, ProfileState.Released, ProfileState.Available, ProfileState.Unavailable],
        // ReleaseProfile (§5.3.4): Confirmed -> Released.
        [ProfileState.Confirmed] = [ProfileState.Released, ProfileState.Available, ProfileState.Unavailable],
        // GetBoundProfilePackage (§5.6.2) -> Downloaded; failures -> Error.
        [ProfileState.Released] = [ProfileState.Downloaded, ProfileState.Error, ProfileState.Available, ProfileState.Unavailable],
        // HandleNotification with ProfileInstallationResult (§5.6.4): -> Installed or Error.
        // A retried GetBoundProfilePackage stays in Downloaded.
        [ProfileState.Downloaded] = [ProfileState.Installed, ProfileState.Error, ProfileState.Downloaded, ProfileState.Available, ProfileState.Unavailable],
        [ProfileState.Installed] = [],
        // After an error the operator decides with CancelOrder.
        [ProfileState.Error] = [ProfileState.Available, ProfileState.Unavailable],
        [ProfileState.Unavailable] = [ProfileState.Available],
    };

    public static bool CanTransition(ProfileState from, ProfileState to) =>
        Allowed.TryGetValue(from, out ProfileState[]? targets) && targets.Contains(to);

    /// <summary>States CancelOrder may act on: an order exists (SGP.22 §5.3.3).</summary>
    public static bool HasOrder(ProfileState state) => state is ProfileState.Allocated or ProfileState.Linked
        or ProfileState.Confirmed or ProfileState.Released or ProfileState.Downloaded or ProfileState.Error;

    public static string ToDb(this ProfileState s) => s.ToString().ToLowerInvariant();

    public static ProfileState FromDb(string s) =>
        Enum.TryParse(s, ignoreCase: true, out ProfileState v) ? v
            : throw new InvalidDataException($"unknown profile state '{s}' in the database");
}

/// <summary>A refused state change, named after both states.</summary>
public sealed class InvalidProfileTransitionException(string iccid, ProfileState from, ProfileState to)
    : InvalidOperationException($"profile {iccid}: transition {from} -> {to} is not allowed")
{
    public string Iccid { get; } = iccid;
    public ProfileState From { get; } = from;
    public ProfileState To { get; } = to;
}
