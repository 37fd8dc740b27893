using Conformance.Rsp.Crypto;

namespace Conformance.Rsp.Pki;

/// <summary>What went wrong with one file of a PKI directory.</summary>
public enum PkiLoadProblem
{
    DirectoryMissing,
    FileMissing,
    Unreadable,
    MalformedCertificate,
    MalformedKey,

    /// <summary>The private key does not belong to the certificate's public key.</summary>
    KeyMismatch,
}

/// <summary>One load failure, naming the file (relative to the PKI directory when it was expected, else as found).</summary>
public sealed record PkiLoadError(string File, PkiLoadProblem Problem, string Message)
{
    public override string ToString() => $"{File}: {Message}";
}

/// <summary>The sides of RSP a PKI directory is loaded for: what the run plays with it.</summary>
[Flags]
public enum PkiSides
{
    /// <summary>Only the CI certificates (what to trust), e.g. for an ES2+ client.</summary>
    CiOnly = 0,

    /// <summary>The eUICC (the harness's emulator facing an SM-DP+ under test): CI, EUM, eUICC with SK.EUICC.ECDSA.</summary>
    Euicc = 1,

    /// <summary>The SM-DP+ (a bundled one): CI, DPauth and DPpb with their keys; CERT.DPtls when there (else issued from the CI key).</summary>
    Smdp = 2,

    Both = Euicc | Smdp,
}

/// <summary>Which parts of a PKI directory must be there.</summary>
public sealed record PkiLoadOptions
{
    public IReadOnlyList<RspCurve> Curves { get; init; } = [RspCurve.NistP256, RspCurve.BrainpoolP256r1];

    /// <summary>
    /// What the directory must hold: the certificates (and private keys) of these sides. CERT.DPtls is never required:
    /// GSMA publishes only its key and CSR (TLS certificates are re-issued yearly), and a bundled SM-DP+ issues one from
    /// the CI key (<see cref="TestPkiGenerator.Complete"/>).
    /// </summary>
    public PkiSides Sides { get; init; } = PkiSides.Both;

    /// <summary>Items whose private key must be present; null: those of <see cref="Sides"/> (SK.EUICC, SK.DPauth, SK.DPpb).</summary>
    public IReadOnlyCollection<PkiItem>? RequiredKeys { get; init; }

    /// <summary>The core items whose certificate must be present for <paramref name="sides"/>.</summary>
    public static IReadOnlyList<PkiItem> RequiredItems(PkiSides sides) =>
        [PkiItem.Ci, .. sides.HasFlag(PkiSides.Euicc) ? new[] { PkiItem.Eum, PkiItem.Euicc } : [],
            .. sides.HasFlag(PkiSides.Smdp) ? new[] { PkiItem.DpAuth, PkiItem.DpPb } : []];

    /// <summary>The keys that must be present for <paramref name="sides"/>.</summary>
    public static IReadOnlyList<PkiItem> RequiredKeysOf(PkiSides sides) =>
        [.. sides.HasFlag(PkiSides.Euicc) ? new[] { PkiItem.Euicc } : [],
            .. sides.HasFlag(PkiSides.Smdp) ? new[] { PkiItem.DpAuth, PkiItem.DpPb } : []];
}

/// <summary>The loaded PKI, or the list of every problem found (never a partial success).</summary>
public sealed record PkiLoadResult(TestPki? Pki, IReadOnlyList<PkiLoadError> Errors)
{
    public bool Success => Pki is not null && Errors.Count == 0;

    /// <summary>One sentence per error, for the command line.</summary>
    public string Describe() => Success ? "loaded" : string.Join("; ", Errors);
}
