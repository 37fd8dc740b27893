using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;

namespace Conformance.Adapters.Bpp;

/// <summary>
/// What the eUICC side knows when it receives a bound profile package (SGP.22 v2.5 §3.1.3): its one-time key pair
/// (otSK/otPK.EUICC.ECKA of PrepareDownload), its EID, the session's transactionId, CERT.DPpb.ECDSA (from
/// PrepareDownload), the profileMetadata of AuthenticateClient (StoreMetadataRequest, <c>BF25</c>, as received)
/// and the ICCID of the ordered profile; optionally the ordered profile package itself (known for the reference
/// SM-DP+, or given for a remote one): only a comparison with it shows a block counter that did not advance when
/// the segment boundaries fall inside profile data (CBC then garbles just one block of each segment).
/// </summary>
public sealed record BppVerificationInput(
    OneTimeKeyPair EuiccOtk,
    byte[] Eid,
    byte[] TransactionId,
    RspCertificate DpPb,
    byte[] ProfileMetadata,
    string ExpectedIccid,
    byte[]? ExpectedProfilePackage = null);
