using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;

namespace Conformance.Steps.Drivers;

/// <summary>
/// What SGP.22 requires of ES11.InitiateAuthentication's answer (v2.5 §5.8.1, as §5.6.1 for an SM-DP+, with CERT.DSauth.ECDSA
/// and the SM-DS address), checked from the spec text against what the harness sent and the run's PKI. Each failure names the rule.
/// </summary>
public static class Es11AnswerChecks
{
    public static void ServerSigned1Matches(InitiateAuthenticationOkEs9 ok, byte[] euiccChallenge, string smdsAddress)
    {
        ArgumentNullException.ThrowIfNull(ok);
        ServerSigned1 s = ok.ServerSigned1;
        Check(s.TransactionId.AsSpan().SequenceEqual(ok.TransactionId),
            $"SGP.22 §5.8.1: the transactionId of the answer (0x{Hex(ok.TransactionId)}) must be the one in serverSigned1 (0x{Hex(s.TransactionId)})");
        Check(s.EuiccChallenge.AsSpan().SequenceEqual(euiccChallenge),
            $"SGP.22 §5.8.1: serverSigned1.euiccChallenge must be the euiccChallenge the LPA sent (0x{Hex(euiccChallenge)}), got 0x{Hex(s.EuiccChallenge)}");
        Check(string.Equals(s.ServerAddress, smdsAddress, StringComparison.OrdinalIgnoreCase),
            $"SGP.22 §5.8.1: serverSigned1.serverAddress must be the SM-DS address '{smdsAddress}', got '{s.ServerAddress}'");
        Check(s.ServerChallenge.Length == 16 && s.ServerChallenge.Any(b => b != 0),
            $"SGP.22 §5.8.1: serverSigned1.serverChallenge must be a 16-byte random challenge, got 0x{Hex(s.ServerChallenge)}");
    }

    /// <summary>serverCertificate is a CERT.DSauth.ECDSA under a CI the eUICC offered, and serverSignature1 verifies with it (SGP.22 §5.8.1, §4.5.2.1).</summary>
    public static void ServerSignature1Verifies(InitiateAuthenticationOkEs9 ok, EUICCInfo1 offered, IEnumerable<RspCertificate> cis)
    {
        ArgumentNullException.ThrowIfNull(ok);
        ArgumentNullException.ThrowIfNull(offered);
        CertificateValidationResult r = new RspCertificateValidator(cis).ValidateServerCertificate(CertificateRole.DsAuth, ok.ServerCertificate, DateTimeOffset.UtcNow);
        Check(r.IsValid, $"SGP.22 §5.8.1, §4.5.2.1: serverCertificate must be a valid CERT.DSauth.ECDSA chaining to a CI the eUICC trusts: {r.Message}");
        RspCertificate cert = RspCertificate.Parse(ok.ServerCertificate);
        byte[] ci = cert.AuthorityKeyIdentifier ?? [];
        Check(offered.EuiccCiPKIdListForVerification.Any(p => p.AsSpan().SequenceEqual(ci)),
            $"SGP.22 §5.8.1: CERT.DSauth.ECDSA must be signed by a CI of euiccCiPKIdListForVerification, its authorityKeyIdentifier is {Hex(ci)}");
        Check(BouncyCastleEcdsa.Instance.Verify(cert.PublicKey!, ok.ServerSigned1.SignedData.Span, ok.ServerSignature1),
            "SGP.22 §5.8.1: serverSignature1 must verify over serverSigned1 with the public key of CERT.DSauth.ECDSA, and it does not");
    }

    /// <summary>Two InitiateAuthentication answers carry fresh values (SGP.22 §5.8.1, §3.1.2).</summary>
    public static void FreshSessionValues(IReadOnlyList<InitiateAuthenticationOkEs9> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        Check(answers.Count >= 2, $"two successful ES11 InitiateAuthentication answers are needed to compare, got {answers.Count}");
        Check(!answers[0].TransactionId.AsSpan().SequenceEqual(answers[1].TransactionId),
            $"SGP.22 §5.8.1: transactionId must differ between two InitiateAuthentication calls (it identifies a new RSP session), got 0x{Hex(answers[1].TransactionId)} twice");
        Check(!answers[0].ServerSigned1.ServerChallenge.AsSpan().SequenceEqual(answers[1].ServerSigned1.ServerChallenge),
            $"SGP.22 §5.8.1: serverChallenge must be a new random challenge for each InitiateAuthentication, got 0x{Hex(answers[1].ServerSigned1.ServerChallenge)} twice");
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            Assert.Fail(message);
        }
    }

    private static string Hex(ReadOnlySpan<byte> b) => Convert.ToHexString(b);
}
