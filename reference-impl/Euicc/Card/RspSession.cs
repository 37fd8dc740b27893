using Conformance.Euicc.Es8;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;

namespace Conformance.Euicc.Card;

/// <summary>
/// The volatile context of one RSP session (SGP.22 v2.5 §3.1.2, §3.1.3): the challenge issued by
/// GetEUICCChallenge, what AuthenticateServer established, what PrepareDownload added, and a bound profile
/// package being loaded. Lost on reset and power-off, and when a new session starts.
/// </summary>
internal sealed class RspSession
{
    /// <summary>euiccChallenge issued by GetEUICCChallenge.</summary>
    public byte[]? EuiccChallenge { get; set; }

    /// <summary>Set once AuthenticateServer succeeded.</summary>
    public byte[]? TransactionId { get; set; }

    public string? ServerAddress { get; set; }

    public CtxParams1? CtxParams1 { get; set; }

    /// <summary>The credential (curve and CI) chosen by euiccCiPKIdToBeUsed.</summary>
    public EuiccCredential? Credential { get; set; }

    public RspCertificate? DpAuth { get; set; }

    /// <summary>The SM-DP+ OID (registeredID of CERT.DPauth.ECDSA), signed in EuiccCancelSessionSigned.</summary>
    public string? SmdpOid { get; set; }

    /// <summary>euiccSignature1 as sent: smdpSignature2 covers it.</summary>
    public byte[]? EuiccSignature1 { get; set; }

    /// <summary>Set once PrepareDownload succeeded.</summary>
    public RspCertificate? DpPb { get; set; }

    public OneTimeKeyPair? EuiccOtk { get; set; }

    /// <summary>The installation in progress (ES10b.LoadBoundProfilePackage), if any.</summary>
    public BppInstallation? Installation { get; set; }

    public bool Authenticated => TransactionId is not null && Credential is not null;

    public bool Prepared => Authenticated && DpPb is not null && EuiccOtk is not null;
}
