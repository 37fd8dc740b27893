using Conformance.Adapters.Es9Plus;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Crypto;
using Org.BouncyCastle.Crypto.Parameters;

namespace Conformance.Steps.Drivers;

/// <summary>
/// Changes to the requests the harness-as-LPA sends on ES9+, for negative tests of an SM-DP+. Values the eUICC
/// signs are re-signed with the eUICC's own key when a test needs a valid signature over changed data (the
/// harness holds the emulated eUICC's key), or left with the old signature when the test is about the signature.
/// </summary>
public static class Es9RequestAlterations
{
    /// <summary>EUICCInfo1 of the request, changed (svn, CI PKId lists) and re-encoded.</summary>
    public static Es9InitiateAuthenticationRequest WithEuiccInfo1(this Es9InitiateAuthenticationRequest request, Func<EUICCInfo1, EUICCInfo1> change)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(change);
        return request with { EuiccInfo1 = change(EUICCInfo1.Decode(request.EuiccInfo1)).Encode() };
    }

    /// <summary>AuthenticateResponseOk of the request, changed and re-encoded (euiccSigned1 keeps its bytes unless changed).</summary>
    public static Es9AuthenticateClientRequest WithResponseOk(this Es9AuthenticateClientRequest request, Func<AuthenticateResponseOk, AuthenticateResponseOk> change)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(change);
        AuthenticateResponseOk ok = AuthenticateServerResponse.Decode(request.AuthenticateServerResponse).AuthenticateResponseOk
            ?? throw new InvalidOperationException("the eUICC answered authenticateResponseError: there is no euiccSigned1 to change");
        return request with { AuthenticateServerResponse = AuthenticateServerResponse.Ok(change(ok)).Encode() };
    }

    /// <summary>euiccSigned1 changed and signed again with the eUICC's key: a valid euiccSignature1 over other data.</summary>
    public static Es9AuthenticateClientRequest WithResignedEuiccSigned1(this Es9AuthenticateClientRequest request, ECPrivateKeyParameters euiccKey,
        Func<EuiccSigned1, EuiccSigned1> change) =>
        request.WithResponseOk(ok =>
        {
            // A with-copy drops the received bytes, so the changed euiccSigned1 is encoded from its fields.
            EuiccSigned1 signed = change(ok.EuiccSigned1 with { });
            return ok with { EuiccSigned1 = signed, EuiccSignature1 = BouncyCastleEcdsa.Instance.Sign(euiccKey, signed.SignedData.Span) };
        });

    /// <summary>The last byte of a DER certificate flipped: the last byte of its signature, so the issuer's signature no longer verifies.</summary>
    public static byte[] WithBrokenSignature(byte[] certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        byte[] copy = [.. certificate];
        copy[^1] ^= 0x5A;
        return copy;
    }

    /// <summary>A transactionId no SM-DP+ handed out: the session's with every byte inverted.</summary>
    public static byte[] OtherTransactionId(byte[] transactionId)
    {
        ArgumentNullException.ThrowIfNull(transactionId);
        return [.. transactionId.Select(b => (byte)~b)];
    }
}
