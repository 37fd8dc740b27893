using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Parameters;

namespace Conformance.Rsp.Crypto;

/// <summary>
/// The elliptic curves of SGP.22 (§2.6.5, §4.5): NIST P-256 and brainpoolP256r1.
/// FRP256V1 is "for further study" and not supported.
/// </summary>
public enum RspCurve
{
    /// <summary>NIST P-256 (secp256r1), OID 1.2.840.10045.3.1.7.</summary>
    NistP256,

    /// <summary>brainpoolP256r1, OID 1.3.36.3.3.2.8.1.1.7.</summary>
    BrainpoolP256r1,
}

public static class RspCurves
{
    public const string NistP256Oid = "1.2.840.10045.3.1.7";
    public const string BrainpoolP256r1Oid = "1.3.36.3.3.2.8.1.1.7";

    /// <summary>The curve's OID (as in SubjectPublicKeyInfo parameters).</summary>
    public static string Oid(this RspCurve curve) => curve switch
    {
        RspCurve.NistP256 => NistP256Oid,
        RspCurve.BrainpoolP256r1 => BrainpoolP256r1Oid,
        _ => throw new ArgumentOutOfRangeException(nameof(curve)),
    };

    /// <summary>The curve for an OID, or null when SGP.22 does not use it.</summary>
    public static RspCurve? FromOid(string oid) => oid switch
    {
        NistP256Oid => RspCurve.NistP256,
        BrainpoolP256r1Oid => RspCurve.BrainpoolP256r1,
        _ => null,
    };

    /// <summary>Short name used on the command line and in tags: <c>nist</c> or <c>brp</c>.</summary>
    public static string ShortName(this RspCurve curve) => curve == RspCurve.NistP256 ? "nist" : "brp";

    private static readonly Lazy<ECDomainParameters> NistDomain = new(() => Domain(NistP256Oid));
    private static readonly Lazy<ECDomainParameters> BrpDomain = new(() => Domain(BrainpoolP256r1Oid));

    /// <summary>
    /// BouncyCastle domain parameters. P-256 comes from <see cref="CustomNamedCurves"/> (about 8x faster
    /// than the generic curve); brainpoolP256r1 has no custom implementation and uses the generic one.
    /// The domain carries the named-curve OID so that encoded keys name their curve.
    /// </summary>
    public static ECDomainParameters DomainParameters(this RspCurve curve) =>
        curve == RspCurve.NistP256 ? NistDomain.Value : BrpDomain.Value;

    private static ECNamedDomainParameters Domain(string oid)
    {
        var id = new Org.BouncyCastle.Asn1.DerObjectIdentifier(oid);
        X9ECParameters x9 = CustomNamedCurves.GetByOid(id) ?? ECNamedCurveTable.GetByOid(id)
            ?? throw new InvalidOperationException($"curve {oid} unknown to BouncyCastle");
        return new ECNamedDomainParameters(id, x9);
    }
}
