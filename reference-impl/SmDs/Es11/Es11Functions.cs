using System.Collections.Concurrent;
using System.Security.Cryptography;
using Conformance.Rsp.Asn1;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;
using Conformance.Rsp.Smds;
using Conformance.Rsp.StatusCodes;
using Conformance.SmDs.Store;
using Conformance.SmdpPlus.Es9Plus;
using Conformance.SmdpPlus.Http;

namespace Conformance.SmDs.Es11;

/// <summary>
/// The ES11 functions of the reference SM-DS (SGP.22 v2.5 §5.8; procedure §3.6.2 event retrieval): the common mutual
/// authentication of ES9+ (§3.1.2), signed with CERT.DSauth.ECDSA, answering the Event Records of the authenticated EID.
/// RSP sessions live in memory (they last one retrieval); Event Records live in the store.
/// </summary>
public sealed class Es11Functions(SmdsStore store, SmdsOptions options, TimeProvider time, SmdsCredentials credentials)
{
    private sealed record Session(byte[] EuiccChallenge, byte[] ServerChallenge, byte[] CiPkId, DateTimeOffset Expires);

    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);
    private readonly EuiccChainCache _chains = new(credentials.Validator);

    private bool Defect(SmdsDefect d) => options.Defects.Contains(d);

    private static RspResult Fail(StatusCode code, string message) => RspResult.Fail(code, message);

    /// <summary>ES11.InitiateAuthentication (SGP.22 v2.5 §5.8.1).</summary>
    public RspResult InitiateAuthentication(Es11InitiateAuthenticationRequest request, CallLog call)
    {
        call.Subject = "smdsAddress=" + request.SmdsAddress;
        // The SM-DS SHALL verify that it supports the received SM-DS address.
        if (!string.Equals(request.SmdsAddress, options.SmdsAddress, StringComparison.OrdinalIgnoreCase))
        {
            return Fail(FunctionStatusCodes.InvalidSmDsAddress, $"smdsAddress '{request.SmdsAddress}' is not this SM-DS's address");
        }
        EUICCInfo1 info1 = Decode("euiccInfo1", () => EUICCInfo1.Decode(request.EuiccInfo1));
        // The SM-DS SHALL verify that it supports the Specification Version Number indicated by the eUICC.
        if (info1.Svn.CompareTo(options.MinimumSvn) < 0 || info1.Svn.CompareTo(options.MaximumSvn) > 0)
        {
            return Fail(FunctionStatusCodes.SmdsSvnNotSupported, $"eUICC specification version {info1.Svn} is outside {options.MinimumSvn}..{options.MaximumSvn}");
        }
        // The SM-DS SHALL select a CI Public Key of euiccCiPKIdListForVerification for which it has a CERT.DSauth.ECDSA,
        // and one of euiccCiPKIdListForSigning it can verify eUICC signatures with (euiccCiPKIdToBeUsed).
        DsAuthCredential? ds = info1.EuiccCiPKIdListForVerification.Select(p => credentials.ForPkId(p))
            .Where(c => c is not null)
            .OrderByDescending(c => info1.EuiccCiPKIdListForSigning.Any(s => s.AsSpan().SequenceEqual(c!.PkId)))
            .FirstOrDefault();
        if (ds is null)
        {
            return info1.EuiccCiPKIdListForVerification.Any(p => credentials.Trusts(p))
                ? Fail(FunctionStatusCodes.SmdsNoDsAuthCertificateForCi, "the SM-DS has no CERT.DSauth.ECDSA under any CI of euiccCiPKIdListForVerification")
                : Fail(FunctionStatusCodes.SmdsCiPKIdNotSupported, "no PKId of euiccCiPKIdListForVerification is supported by the SM-DS");
        }
        byte[]? toBeUsed = info1.EuiccCiPKIdListForSigning.FirstOrDefault(p => p.AsSpan().SequenceEqual(ds.PkId))
            ?? info1.EuiccCiPKIdListForSigning.FirstOrDefault(p => credentials.Trusts(p));
        if (toBeUsed is null)
        {
            return Fail(FunctionStatusCodes.SmdsCiPKIdNotSupported, "no PKId of euiccCiPKIdListForSigning is supported by the SM-DS");
        }

        byte[] transactionId = RandomNumberGenerator.GetBytes(16);
        byte[] serverChallenge = RandomNumberGenerator.GetBytes(16);
        string tid = Convert.ToHexString(transactionId);
        call.Subject = "transactionId=" + tid;
        // serverSigned1 carries the SM-DS address as serverAddress; serverSignature1 is made with SK.DSauth.ECDSA over it.
        byte[] signed = new ServerSigned1(transactionId, request.EuiccChallenge, options.SmdsAddress, serverChallenge).Encode();
        byte[] covered = Defect(SmdsDefect.SignatureOverWrongData)
            ? new ServerSigned1(transactionId, Tlv.Corrupt(request.EuiccChallenge), options.SmdsAddress, serverChallenge).Encode()
            : signed;
        byte[] signature = ds.DsAuth.Key.Sign(covered);
        Sweep();
        _sessions[tid] = new Session(request.EuiccChallenge, serverChallenge, ds.PkId, time.GetUtcNow() + options.SessionLifetime);
        return RspResult.Ok(new Es11InitiateAuthenticationResponse(tid, B64(signed), B64(Tlv.Signature(signature)),
            B64(Tlv.OctetString(toBeUsed)), B64(ds.DsAuth.Certificate.Der)));
    }

    /// <summary>ES11.AuthenticateClient (SGP.22 v2.5 §5.8.2).</summary>
    public async Task<RspResult> AuthenticateClient(Es11AuthenticateClientRequest request, CallLog call)
    {
        call.Subject = "transactionId=" + request.TransactionId;
        AuthenticateServerResponse asr = Decode("authenticateServerResponse", () => AuthenticateServerResponse.Decode(request.AuthenticateServerResponse));
        // The SM-DS SHALL verify that the transactionId identifies an ongoing RSP session (one retrieval: it ends here).
        if (!_sessions.TryRemove(request.TransactionId, out Session? session) || session.Expires < time.GetUtcNow())
        {
            return Fail(FunctionStatusCodes.TransactionIdUnknown, $"no RSP session waiting for AuthenticateClient has transactionId {request.TransactionId}");
        }
        if (asr.AuthenticateResponseOk is not { } ok)
        {
            return Fail(FunctionStatusCodes.RequestInvalid,
                $"the eUICC refused the server authentication ({asr.AuthenticateResponseError!.AuthenticateErrorCode}); the RSP session is ended");
        }
        EuiccSigned1 signed = ok.EuiccSigned1;
        if (!signed.TransactionId.AsSpan().SequenceEqual(Convert.FromHexString(request.TransactionId)))
        {
            return Fail(FunctionStatusCodes.TransactionIdUnknown, "euiccSigned1.transactionId is not the transactionId of the request");
        }
        // The SM-DS SHALL verify CERT.EUM.ECDSA with the CI key and CERT.EUICC.ECDSA with the EUM key (as ES9+, §5.6.3).
        CertificateValidationResult chain = _chains.Validate(ok.EuiccCertificate, ok.EumCertificate, time.GetUtcNow());
        if (!chain.IsValid)
        {
            return Fail(EuiccChainStatus.Of(chain), chain.Message);
        }
        string? eid = _chains.EidOf(ok.EuiccCertificate);
        PooledEcdsa? key = _chains.KeyOf(ok.EuiccCertificate);
        if (eid is null || eid.Length != 32 || !eid.All(char.IsAsciiDigit) || key is null)
        {
            return Fail(FunctionStatusCodes.EuiccCertificateInvalid, "CERT.EUICC.ECDSA carries no 32-digit EID or no usable public key");
        }
        // The SM-DS SHALL verify euiccSignature1 over euiccSigned1 with PK.EUICC.ECDSA, and that serverChallenge is its own.
        if (!key.Verify(signed.SignedData.Span, ok.EuiccSignature1))
        {
            return Fail(FunctionStatusCodes.EuiccSignatureInvalid, "euiccSignature1 does not verify with CERT.EUICC.ECDSA");
        }
        if (!signed.ServerChallenge.AsSpan().SequenceEqual(session.ServerChallenge))
        {
            return Fail(FunctionStatusCodes.EuiccSignatureInvalid, "euiccSigned1.serverChallenge is not the serverChallenge of this RSP session");
        }
        call.Subject = $"transactionId={request.TransactionId} eid={eid}";

        // The SM-DS SHALL answer the Event Records of the EID of CERT.EUICC.ECDSA: with a MatchingID (EventID) in
        // ctxParams1, that Event Record (8.9.5 / 3.9 when there is none); without, all of them (an empty list when none).
        string? eventId = signed.CtxParams1.CtxParamsForCommonAuthentication?.MatchingId;
        IReadOnlyList<EventRecord> events = await store.EventsAsync(Defect(SmdsDefect.EventForOtherEid) ? null : eid).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(eventId))
        {
            events = [.. events.Where(e => e.EventId == eventId)];
            if (events.Count == 0)
            {
                return Fail(FunctionStatusCodes.EventUnknown, $"no Event Record with EventID '{eventId}' exists for EID {eid}");
            }
        }
        return RspResult.Ok(new Es11AuthenticateClientResponse(request.TransactionId,
            [.. events.Select(e => new EventEntryJson(e.EventId, e.RspServerAddress))]));
    }

    private void Sweep()
    {
        DateTimeOffset now = time.GetUtcNow();
        foreach (var (id, s) in _sessions)
        {
            if (s.Expires < now)
            {
                _sessions.TryRemove(id, out _);
            }
        }
    }

    private static string B64(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes);

    /// <summary>Decodes a field of the request strictly; a malformed one is Failed 1.1 / 2.1 naming the field.</summary>
    private static T Decode<T>(string field, Func<T> decode)
    {
        try
        {
            return decode();
        }
        catch (Exception e) when (e is Asn1DecodeException or FormatException or ArgumentException or InvalidOperationException)
        {
            throw new RspRequestException(FunctionStatusCodes.RequestInvalid, $"{field} is not valid: {Rsp.ErrorText.Of(e)}", field);
        }
    }
}
