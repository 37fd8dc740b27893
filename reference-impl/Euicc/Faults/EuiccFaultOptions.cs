using Conformance.Rsp.StatusCodes;

namespace Conformance.Euicc.Faults;

/// <summary>The fault injections and defects switched on, with their parameters. Empty by default.</summary>
public sealed record EuiccFaultOptions
{
    /// <summary>Faults that make the card send legal-looking but wrong data to the SM-DP+.</summary>
    public IReadOnlySet<EuiccFault> Faults { get; init; } = new HashSet<EuiccFault>();

    /// <summary>Defects that make the card break SGP.22 itself.</summary>
    public IReadOnlySet<EuiccDefect> Defects { get; init; } = new HashSet<EuiccDefect>();

    /// <summary>The EID reported by <see cref="EuiccFault.ReportAnotherEid"/> (32 digits).</summary>
    public string OtherEid { get; init; } = "89049032123451234512345678901234";

    /// <summary>bppCommandId of <see cref="EuiccFault.ProfileInstallationResultError"/>.</summary>
    public BppCommandId ForcedBppCommandId { get; init; } = BppCommandId.loadProfileElements;

    /// <summary>errorReason of <see cref="EuiccFault.ProfileInstallationResultError"/>.</summary>
    public ErrorReason ForcedErrorReason { get; init; } = ErrorReason.unknownError;

    public bool Has(EuiccFault fault) => Faults.Contains(fault);

    public bool Has(EuiccDefect defect) => Defects.Contains(defect);

    /// <summary>Options with exactly these faults.</summary>
    public static EuiccFaultOptions With(params EuiccFault[] faults) => new() { Faults = faults.ToHashSet() };

    /// <summary>Options with exactly these defects.</summary>
    public static EuiccFaultOptions With(params EuiccDefect[] defects) => new() { Defects = defects.ToHashSet() };
}
