using Conformance.Adapters.Lpa;
using Conformance.Rsp.Asn1;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;

namespace Conformance.Steps.Drivers;

/// <summary>
/// The server whose InitiateAuthentication answer is checked: an SM-DP+ on ES9+ (SGP.22 v2.5 §5.6.1, CERT.DPauth.ECDSA) or
/// an SM-DS on ES11 (§5.8.1, the same answer signed with CERT.DSauth.ECDSA and carrying the SM-DS address).
/// </summary>
public sealed record AuthenticatingServer(string Section, string Name, CertificateRole Role, string CertificateName)
{
    public static readonly AuthenticatingServer SmdpEs9 = new("§5.6.1", "SM-DP+", CertificateRole.DpAuth, "CERT.DPauth.ECDSA");
    public static readonly AuthenticatingServer SmdsEs11 = new("§5.8.1", "SM-DS", CertificateRole.DsAuth, "CERT.DSauth.ECDSA");
}

/// <summary>
/// What SGP.22 requires of the ES9+ answers of a download (and of ES11's InitiateAuthentication, which answers as ES9+'s
/// does), checked from the spec text against the values the harness sent and the run's PKI. Each failure message starts
/// with the rule broken ("SGP.22 §5.6.1: ...").
/// </summary>
public static class Es9AnswerChecks
{
    /// <summary>InitiateAuthentication's answer against its request (SGP.22 v2.5 §5.6.1, §5.8.1, §3.1.2).</summary>
    public static void ServerSigned1Matches(InitiateAuthenticationOkEs9 ok, byte[] euiccChallenge, string serverAddress, AuthenticatingServer? server = null)
    {
        ArgumentNullException.ThrowIfNull(ok);
        AuthenticatingServer by = server ?? AuthenticatingServer.SmdpEs9;
        (string section, string name) = (by.Section, by.Name);
        ServerSigned1 s = ok.ServerSigned1;
        Check(s.TransactionId.AsSpan().SequenceEqual(ok.TransactionId),
            $"SGP.22 {section}: the transactionId of the answer (0x{Hex(ok.TransactionId)}) must be the one in serverSigned1 (0x{Hex(s.TransactionId)})");
        Check(s.EuiccChallenge.AsSpan().SequenceEqual(euiccChallenge),
            $"SGP.22 {section}: serverSigned1.euiccChallenge must be the euiccChallenge the LPA sent (0x{Hex(euiccChallenge)}), got 0x{Hex(s.EuiccChallenge)}");
        Check(string.Equals(s.ServerAddress, serverAddress, StringComparison.OrdinalIgnoreCase),
            $"SGP.22 {section}: serverSigned1.serverAddress must be the {name} address '{serverAddress}', got '{s.ServerAddress}'");
        Check(s.ServerChallenge.Length == 16 && s.ServerChallenge.Any(b => b != 0),
            $"SGP.22 {section}: serverSigned1.serverChallenge must be a 16-byte random challenge, got 0x{Hex(s.ServerChallenge)}");
    }

    /// <summary>
    /// serverCertificate is a CERT.DPauth.ECDSA (an SM-DS's: CERT.DSauth.ECDSA) chaining to a CI the eUICC trusts, and
    /// serverSignature1 verifies over serverSigned1 with it (SGP.22 v2.5 §5.6.1, §5.8.1, §4.5.2.1).
    /// </summary>
    public static void ServerSignature1Verifies(InitiateAuthenticationOkEs9 ok, EUICCInfo1 offered, IEnumerable<RspCertificate> cis, AuthenticatingServer? server = null)
    {
        ArgumentNullException.ThrowIfNull(ok);
        ArgumentNullException.ThrowIfNull(offered);
        AuthenticatingServer by = server ?? AuthenticatingServer.SmdpEs9;
        RspCertificate cert = ChainsToCi(by.Role, $"{by.CertificateName} (serverCertificate)", by.Section, ok.ServerCertificate, cis);
        byte[] ci = cert.AuthorityKeyIdentifier ?? [];
        Check(offered.EuiccCiPKIdListForVerification.Any(p => p.AsSpan().SequenceEqual(ci)),
            $"SGP.22 {by.Section}: {by.CertificateName} must be signed by a CI of euiccCiPKIdListForVerification [{Hexes(offered.EuiccCiPKIdListForVerification)}], its authorityKeyIdentifier is {Hex(ci)}");
        Check(BouncyCastleEcdsa.Instance.Verify(cert.PublicKey!, ok.ServerSigned1.SignedData.Span, ok.ServerSignature1),
            $"SGP.22 {by.Section}: serverSignature1 must verify over serverSigned1 with the public key of {by.CertificateName}, and it does not");
    }

    /// <summary>euiccCiPKIdToBeUsed is one of euiccCiPKIdListForSigning the eUICC offered (SGP.22 v2.5 §5.6.1).</summary>
    public static void CiPkIdToBeUsedWasOffered(InitiateAuthenticationOkEs9 ok, EUICCInfo1 offered)
    {
        ArgumentNullException.ThrowIfNull(ok);
        ArgumentNullException.ThrowIfNull(offered);
        Check(offered.EuiccCiPKIdListForSigning.Any(p => p.AsSpan().SequenceEqual(ok.EuiccCiPKIdToBeUsed)),
            $"SGP.22 §5.6.1: euiccCiPKIdToBeUsed must be one of euiccCiPKIdListForSigning [{Hexes(offered.EuiccCiPKIdListForSigning)}], got {Hex(ok.EuiccCiPKIdToBeUsed)}");
    }

    /// <summary>Two InitiateAuthentication answers of the same eUICC carry fresh values (SGP.22 v2.5 §5.6.1, §3.1.2).</summary>
    public static void FreshSessionValues(IReadOnlyList<InitiateAuthenticationOkEs9> answers, AuthenticatingServer? server = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        string section = (server ?? AuthenticatingServer.SmdpEs9).Section;
        Check(answers.Count >= 2, $"two successful InitiateAuthentication answers are needed to compare, got {answers.Count}");
        for (int i = 1; i < answers.Count; i++)
        {
            for (int j = 0; j < i; j++)
            {
                Check(!answers[i].TransactionId.AsSpan().SequenceEqual(answers[j].TransactionId),
                    $"SGP.22 {section}: transactionId must differ between two InitiateAuthentication calls (it identifies a new RSP session), got 0x{Hex(answers[i].TransactionId)} twice");
                Check(!answers[i].ServerSigned1.ServerChallenge.AsSpan().SequenceEqual(answers[j].ServerSigned1.ServerChallenge),
                    $"SGP.22 {section}: serverChallenge must be a new random challenge for each InitiateAuthentication, got 0x{Hex(answers[i].ServerSigned1.ServerChallenge)} twice");
            }
        }
    }

    /// <summary>
    /// AuthenticateClient's answer (SGP.22 v2.5 §5.6.3): the session's transactionId outside and in smdpSigned2,
    /// CERT.DPpb.ECDSA under a CI the eUICC trusts, smdpSignature2 over smdpSigned2 | euiccSignature1 (with its tag), the
    /// euiccSignature1 sent (<paramref name="sentEuiccSignature1"/> when the LPA sent another than the eUICC's, re-signed).
    /// </summary>
    public static void SmdpSigned2Verifies(AuthenticateClientOk ok, LpaSession session, IEnumerable<RspCertificate> cis, byte[]? sentEuiccSignature1 = null)
    {
        ArgumentNullException.ThrowIfNull(ok);
        ArgumentNullException.ThrowIfNull(session);
        byte[] tid = session.TransactionId ?? [];
        Check(ok.TransactionId.AsSpan().SequenceEqual(tid),
            $"SGP.22 §5.6.3: the transactionId of the answer must be the session's 0x{Hex(tid)}, got 0x{Hex(ok.TransactionId)}");
        Check(ok.SmdpSigned2.TransactionId.AsSpan().SequenceEqual(tid),
            $"SGP.22 §5.6.3: smdpSigned2.transactionId must be the session's 0x{Hex(tid)}, got 0x{Hex(ok.SmdpSigned2.TransactionId)}");
        RspCertificate cert = ChainsToCi(CertificateRole.DpPb, "CERT.DPpb.ECDSA (smdpCertificate)", "§5.6.3", ok.SmdpCertificate, cis);
        byte[] euiccSignature1 = sentEuiccSignature1 ?? session.AuthenticateServerResult?.Value.AuthenticateResponseOk?.EuiccSignature1
            ?? throw new InvalidOperationException("no euiccSignature1 was sent in this session");
        byte[] data = [.. ok.SmdpSigned2.SignedData.Span, .. Der.Encode(w => w.WriteOctetString(euiccSignature1, Tags.App(55)))];
        Check(BouncyCastleEcdsa.Instance.Verify(cert.PublicKey!, data, ok.SmdpSignature2),
            "SGP.22 §5.6.3: smdpSignature2 must verify over smdpSigned2 followed by euiccSignature1 (tag '5F37' included) with the public key of CERT.DPpb.ECDSA, and it does not");
    }

    /// <summary>ccRequiredFlag says whether the order has a confirmation code (SGP.22 v2.5 §5.6.3, §3.1.3.3).</summary>
    public static void ConfirmationCodeRequired(AuthenticateClientOk ok, bool expected)
    {
        ArgumentNullException.ThrowIfNull(ok);
        Check(ok.SmdpSigned2.CcRequiredFlag == expected,
            $"SGP.22 §5.6.3: smdpSigned2.ccRequiredFlag must be {expected.ToString().ToLowerInvariant()} for an order {(expected ? "with" : "without")} a confirmation code, got {ok.SmdpSigned2.CcRequiredFlag.ToString().ToLowerInvariant()}");
    }

    /// <summary>profileMetadata is a StoreMetadataRequest of the ordered profile (SGP.22 v2.5 §5.6.3, §5.5.3).</summary>
    public static void ProfileMetadataNames(StoreMetadataRequest? metadata, string? iccid)
    {
        Check(metadata is not null, "SGP.22 §5.6.3: profileMetadata must be a StoreMetadataRequest, and none was decoded");
        Check(metadata!.ProfileName.Length > 0,
            "SGP.22 §5.5.3: profileMetadata must carry a profileName");
        if (iccid is not null)
        {
            Check(string.Equals(metadata.Iccid.ToString(), iccid, StringComparison.OrdinalIgnoreCase),
                $"SGP.22 §5.6.3: profileMetadata must describe the ordered profile, ICCID {iccid}, got {metadata.Iccid}");
        }
    }

    private static RspCertificate ChainsToCi(CertificateRole role, string name, string section, byte[] der, IEnumerable<RspCertificate> cis)
    {
        CertificateValidationResult r = new RspCertificateValidator(cis).ValidateServerCertificate(role, der, DateTimeOffset.UtcNow);
        Check(r.IsValid, $"SGP.22 {section}, §4.5.2.1: {name} must be valid and chain to a CI the eUICC trusts: {r.Message}");
        return RspCertificate.Parse(der);
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            Assert.Fail(message);
        }
    }

    private static string Hex(ReadOnlySpan<byte> b) => Convert.ToHexString(b);

    private static string Hexes(IEnumerable<byte[]> list) => string.Join(", ", list.Select(b => Convert.ToHexString(b)));
}
