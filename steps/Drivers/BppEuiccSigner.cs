using System.Formats.Asn1;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Crypto;
using Org.BouncyCastle.Crypto.Parameters;

namespace Conformance.Steps.Drivers;

/// <summary>
/// Messages the eUICC signs, forged by the harness with the eUICC's own test key (SK.EUICC.ECDSA of the run's PKI)
/// so that an SM-DP+ sees a correctly signed message whose content breaks a rule that only the SM-DP+ checks
/// (SGP.23 negative cases the emulated eUICC, conforming, would never produce): euiccSigned2 without hashCc or over
/// an unknown transactionId (§5.6.2), euiccCancelSessionSigned for another SM-DP+ OID (§5.6.5), a
/// ProfileInstallationResult of an unknown transactionId (§5.6.4). Signatures are r||s (SGP.22 §2.6.5).
/// </summary>
public sealed class BppEuiccSigner(ECPrivateKeyParameters euiccKey)
{
    /// <summary>
    /// A PrepareDownloadResponse whose euiccSigned2 is <paramref name="signed"/>, signed over euiccSigned2 followed by
    /// the <c>5F37</c> TLV of smdpSignature2 (SGP.22 v2.5 §5.7.5).
    /// </summary>
    public byte[] PrepareDownloadResponse(EUICCSigned2 signed, byte[] smdpSignature2)
    {
        ArgumentNullException.ThrowIfNull(signed);
        byte[] signature = Sign([.. signed.Encode(), .. SignatureTlv(smdpSignature2)]);
        return Rsp.Asn1.Messages.PrepareDownloadResponse.Ok(new PrepareDownloadResponseOk(signed, signature)).Encode();
    }

    /// <summary>A CancelSessionResponse over <paramref name="signed"/> (SGP.22 v2.5 §5.7.14).</summary>
    public byte[] CancelSessionResponse(EuiccCancelSessionSigned signed)
    {
        ArgumentNullException.ThrowIfNull(signed);
        return Rsp.Asn1.Messages.CancelSessionResponse.Ok(new CancelSessionResponseOk(signed, Sign(signed.Encode()))).Encode();
    }

    /// <summary>A ProfileInstallationResult over <paramref name="data"/> (SGP.22 v2.5 §5.7.6), as a pendingNotification.</summary>
    public byte[] ProfileInstallationResult(ProfileInstallationResultData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new ProfileInstallationResult(data, Sign(data.Encode())).Encode();
    }

    private byte[] Sign(byte[] data) => BouncyCastleEcdsa.Instance.Sign(euiccKey, data);

    private static byte[] SignatureTlv(byte[] signature)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        w.WriteOctetString(signature, new Asn1Tag(TagClass.Application, 55));
        return w.Encode();
    }
}
