namespace Conformance.Rsp.Crypto;

/// <summary>What is wrong with an encoded key or signature.</summary>
public enum EcFormatProblem
{
    /// <summary>The encoding has the wrong length (a point must be 65 bytes, a plain signature 64).</summary>
    WrongLength,

    /// <summary>A point encoding does not start with 04 (uncompressed), or a DER structure is malformed.</summary>
    Malformed,

    /// <summary>The point is not on the curve, or is the point at infinity.</summary>
    NotOnCurve,

    /// <summary>A scalar (private key, r or s) is zero or not below the group order n.</summary>
    OutOfRange,

    /// <summary>The key is not on a curve SGP.22 uses (NIST P-256, brainpoolP256r1).</summary>
    UnsupportedCurve,
}

/// <summary>
/// A key or signature encoding that SGP.22 (§2.6.5, BSI TR-03111) does not accept.
/// Carries the typed <see cref="Problem"/> and the name of what was being decoded.
/// </summary>
public sealed class EcFormatException : FormatException
{
    public EcFormatException(string subject, EcFormatProblem problem, string detail, Exception? inner = null)
        : base($"{subject}: {detail}", inner)
    {
        Subject = subject;
        Problem = problem;
    }

    /// <summary>What was being decoded, e.g. "otPK.EUICC.ECKA" or "ECDSA signature".</summary>
    public string Subject { get; }

    public EcFormatProblem Problem { get; }
}
