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

/// <summary>Which parts of a PKI directory must be there.</summary>
public sealed record PkiLoadOptions
{
    public IReadOnlyList<RspCurve> Curves { get; init; } = [RspCurve.NistP256, RspCurve.BrainpoolP256r1];

    /// <summary>Items whose private key must be present (SGP.26 ships the eUICC, EUM and SM-DP+ keys, not the CI's).</summary>
    public IReadOnlyCollection<PkiItem> RequiredKeys { get; init; } = [PkiItem.Euicc, PkiItem.DpAuth, PkiItem.DpPb, PkiItem.DpTls];
}

/// <summary>The loaded PKI, or the list of every problem found (never a partial success).</summary>
public sealed record PkiLoadResult(TestPki? Pki, IReadOnlyList<PkiLoadError> Errors)
{
    public bool Success => Pki is not null && Errors.Count == 0;

    /// <summary>One sentence per error, for the command line.</summary>
    public string Describe() => Success ? "loaded" : string.Join("; ", Errors);
}
