using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;

namespace Conformance.Euicc.Card;

/// <summary>
/// Who the emulated eUICC is (personalisation): its EID, taken from the subject serialNumber of
/// CERT.EUICC.ECDSA (SGP.22 v2.5 §4.5.2.1.0.2), its credentials per supported curve, and the CIs it trusts
/// for verification and signing. Built from a generated <see cref="TestPki"/> or a PKI directory laid out
/// like SGP.26 (<see cref="Sgp26Loader"/>).
/// </summary>
public sealed class EuiccIdentity
{
    private EuiccIdentity(string eid, IReadOnlyList<EuiccCredential> credentials)
    {
        Eid = eid;
        Credentials = credentials;
        Validator = new RspCertificateValidator(credentials.Select(c => c.Ci));
    }

    /// <summary>The EID, 32 decimal digits.</summary>
    public string Eid { get; }

    /// <summary>The EID as the 16 bytes of GetEuiccData and of the BSP key derivation.</summary>
    public byte[] EidBytes => Convert.FromHexString(Eid);

    /// <summary>One credential per supported curve, in order of preference.</summary>
    public IReadOnlyList<EuiccCredential> Credentials { get; }

    /// <summary>The curves the eUICC supports.</summary>
    public IReadOnlyList<RspCurve> Curves => Credentials.Select(c => c.Curve).ToArray();

    /// <summary>Validates SM-DP+ certificates against the trusted CIs.</summary>
    public RspCertificateValidator Validator { get; }

    /// <summary>euiccCiPKIdListForVerification: the PKIds of the trusted CIs.</summary>
    public IReadOnlyList<byte[]> CiPkIdsForVerification => Credentials.Select(c => c.CiPkid).ToArray();

    /// <summary>euiccCiPKIdListForSigning: the PKIds of the CIs the eUICC holds a certificate chain under.</summary>
    public IReadOnlyList<byte[]> CiPkIdsForSigning => Credentials.Select(c => c.CiPkid).ToArray();

    /// <summary>The credential whose CI has PKId <paramref name="pkid"/>, or null.</summary>
    public EuiccCredential? ForCiPkid(ReadOnlySpan<byte> pkid)
    {
        foreach (EuiccCredential c in Credentials)
        {
            if (pkid.SequenceEqual(c.CiPkid))
            {
                return c;
            }
        }
        return null;
    }

    /// <summary>The credentials of every curve of <paramref name="pki"/> (each needs CI, EUM, eUICC and the eUICC key).</summary>
    public static EuiccIdentity FromPki(TestPki pki)
    {
        ArgumentNullException.ThrowIfNull(pki);
        var credentials = new List<EuiccCredential>();
        foreach (CurvePki curve in pki.Curves)
        {
            IssuedCertificate euicc = curve.Euicc;
            credentials.Add(new EuiccCredential(curve.Curve, curve.Ci.Certificate, curve.Eum.Certificate, euicc.Certificate, euicc.RequirePrivateKey(), curve));
        }
        if (credentials.Count == 0)
        {
            throw new ArgumentException("the PKI holds no curve", nameof(pki));
        }
        string[] eids = credentials.Select(c => c.Euicc.SubjectSerialNumber ?? "").Distinct().ToArray();
        if (eids.Length != 1 || eids[0].Length != 32 || !eids[0].All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"the eUICC certificates must carry one 32-digit EID as subject serialNumber, found [{string.Join(", ", eids)}]", nameof(pki));
        }
        return new EuiccIdentity(eids[0], credentials);
    }

    /// <summary>A deterministic generated test PKI (NIST P-256 and brainpoolP256r1 with the negative variants).</summary>
    public static EuiccIdentity Generate(TestPkiOptions? options = null) => FromPki(TestPkiGenerator.Generate(options));

    /// <summary>
    /// Loads a PKI directory laid out like SGP.26: both curves when present, else the one that is.
    /// </summary>
    /// <exception cref="InvalidOperationException">No curve loads; the message lists every problem.</exception>
    public static EuiccIdentity Load(string directory)
    {
        var attempts = new List<string>();
        foreach (RspCurve[] curves in new[] { new[] { RspCurve.NistP256, RspCurve.BrainpoolP256r1 }, [RspCurve.NistP256], [RspCurve.BrainpoolP256r1] })
        {
            PkiLoadResult result = Sgp26Loader.Load(directory, new PkiLoadOptions { Curves = curves, Sides = PkiSides.Euicc });
            if (result.Success)
            {
                return FromPki(result.Pki!);
            }
            attempts.Add(result.Describe());
        }
        throw new InvalidOperationException($"the PKI directory {directory} holds no usable eUICC credentials: {attempts[0]}");
    }
}
