namespace Conformance.Steps.Drivers;

/// <summary>Who the harness claims to be when it calls ES2+.</summary>
public enum OperatorIdentity
{
    /// <summary>The operator's own client certificate (trusted by the SM-DP+).</summary>
    Operator,

    /// <summary>A client certificate from a CA the SM-DP+ does not trust.</summary>
    Rogue,

    /// <summary>No client certificate at all.</summary>
    None,
}

/// <summary>
/// What a scenario knows about its order on the SM-DP+ (scenario-scoped): the profile, the EID it is
/// linked to, the MatchingID, and the last ES2+ call so that it can be repeated under another identity.
/// </summary>
public sealed class OrderSession
{
    public string? Iccid { get; set; }

    /// <summary>The ICCIDs the scenario took from the run's inventory (the iccids setting): they go back there when their order is cancelled.</summary>
    public HashSet<string> FromInventory { get; } = [];

    /// <summary>
    /// Every order the scenario made on ES2+ that the SM-DP+ accepted, by ICCID, with the EID it is linked to (null: none): what
    /// the end of the scenario cancels.
    /// </summary>
    public Dictionary<string, string?> Ordered { get; } = [];
    public string? Eid { get; set; }
    public string? MatchingId { get; set; }

    /// <summary>The MatchingID of a second order of the same scenario (conflict cases).</summary>
    public string? OtherMatchingId { get; set; }

    /// <summary>The profile type DownloadOrder by profileType asked for.</summary>
    public string? OrderedProfileType { get; set; }

    /// <summary>The MatchingID the last ConfirmOrder sent (null: none sent).</summary>
    public string? SentMatchingId { get; set; }

    /// <summary>The last ES2+ call, replayable with another identity.</summary>
    public Func<OperatorIdentity, Task<Support.FunctionOutcome>>? LastCall { get; set; }

    public string RequireIccid() =>
        Iccid ?? throw new InvalidOperationException("no profile was chosen earlier in the scenario (a Given step must pick one)");
}
