using System.Security.Cryptography;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;
using Conformance.Rsp.StatusCodes;
using Conformance.SmdpPlus.Crypto;

namespace Conformance.SmdpPlus.Tests.Doubles;

public sealed partial class TestDoubleEuicc
{
    /// <summary>ES10b.AuthenticateServer (SGP.22 v2.5 §5.7.13).</summary>
    public byte[] AuthenticateServer(byte[] authenticateServerRequest)
    {
        LastRefusal = null;
        var request = AuthenticateServerRequest.Decode(authenticateServerRequest);
        ServerSigned1 s1 = request.ServerSigned1;
        AuthenticateServerResponse Error(AuthenticateErrorCode code, string why)
        {
            LastRefusal = $"{code}: {why}";
            return AuthenticateServerResponse.Error(new AuthenticateResponseError(s1.TransactionId, code));
        }

        AuthenticateServerResponse response;
        PooledEcdsa? dpAuth = ServerKey(CertificateRole.DpAuth, request.ServerCertificate);
        if (dpAuth is null)
        {
            response = Error(AuthenticateErrorCode.invalidCertificate, "CERT.DPauth.ECDSA does not verify under a trusted CI");
        }
        else if (!dpAuth.Verify(s1.SignedData.Span, request.ServerSignature1))
        {
            response = Error(AuthenticateErrorCode.invalidSignature, "serverSignature1 does not verify");
        }
        else if (!s1.EuiccChallenge.AsSpan().SequenceEqual(_challenge))
        {
            response = Error(AuthenticateErrorCode.euiccChallengeMismatch, "serverSigned1.euiccChallenge is not the challenge given");
        }
        else if (!CiPkIds.Concat(SigningCiPkIds ?? []).Any(p => p.AsSpan().SequenceEqual(request.EuiccCiPKIdToBeUsed)))
        {
            response = Error(AuthenticateErrorCode.ciPKUnknown, "euiccCiPKIdToBeUsed is not one of this eUICC's CIs");
        }
        else
        {
            _transactionId = s1.TransactionId;
            _serverAddress = s1.ServerAddress;
            _otKey = ReuseOneTimeKey ? _otKey : null;
            var signed = new EuiccSigned1(s1.TransactionId, s1.ServerAddress, s1.ServerChallenge,
                Info2(CiPkIds, SigningCiPkIds ?? CiPkIds, Svn), request.CtxParams1);
            byte[] der = signed.Encode();
            LastEuiccSignature1 = Sign(der);
            response = AuthenticateServerResponse.Ok(new AuthenticateResponseOk(signed, LastEuiccSignature1, EuiccCertificate.Der, EumCertificate.Der));
        }
        return response.Encode();
    }

    /// <summary>ES10b.PrepareDownload (SGP.22 v2.5 §5.7.5).</summary>
    public byte[] PrepareDownload(byte[] prepareDownloadRequest)
    {
        LastRefusal = null;
        var request = PrepareDownloadRequest.Decode(prepareDownloadRequest);
        SmdpSigned2 s2 = request.SmdpSigned2;
        PrepareDownloadResponse Error(DownloadErrorCode code, string why)
        {
            LastRefusal = $"{code}: {why}";
            return PrepareDownloadResponse.Error(new PrepareDownloadResponseError(s2.TransactionId, code));
        }

        PrepareDownloadResponse response;
        PooledEcdsa? dpPb = ServerKey(CertificateRole.DpPb, request.SmdpCertificate);
        byte[]? euiccSignature1 = LastEuiccSignature1;
        if (dpPb is null)
        {
            response = Error(DownloadErrorCode.invalidCertificate, "CERT.DPpb.ECDSA does not verify under a trusted CI");
        }
        else if (!dpPb.Verify([.. s2.SignedData.Span, .. Tlv(euiccSignature1 ?? [])], request.SmdpSignature2))
        {
            response = Error(DownloadErrorCode.invalidSignature, "smdpSignature2 does not verify over smdpSigned2 || euiccSignature1");
        }
        else if (!s2.TransactionId.AsSpan().SequenceEqual(_transactionId))
        {
            response = Error(DownloadErrorCode.invalidTransactionId, "smdpSigned2.transactionId is not the session's");
        }
        else
        {
            _dpPb = RspCertificate.Parse(request.SmdpCertificate);
            _smdpSignature2 = request.SmdpSignature2;
            // One-time key reuse: keep the earlier otSK.EUICC.ECKA only when the SM-DP+ names its public key.
            bool reuse = _otKey is { } k && s2.BppEuiccOtpk is { } offered && offered.AsSpan().SequenceEqual(OpenSslKeys.Point(k));
            if (!reuse)
            {
                using ECDiffieHellman fresh = ECDiffieHellman.Create(OpenSslKeys.Curve(Curve));
                _otKey = fresh.ExportParameters(true);
            }
            var signed = new EUICCSigned2(_transactionId, OpenSslKeys.Point(_otKey!.Value), request.HashCc);
            byte[] der = signed.Encode();
            response = PrepareDownloadResponse.Ok(new PrepareDownloadResponseOk(signed, Sign([.. der, .. Tlv(_smdpSignature2)])));
        }
        return response.Encode();
    }

    /// <summary>euiccSignature1 of the last AuthenticateServer answer (smdpSignature2 covers it).</summary>
    private byte[]? LastEuiccSignature1 { get; set; }

    /// <summary>ES10b.CancelSession (SGP.22 v2.5 §5.7.14): signs euiccCancelSessionSigned with the SM-DP+ OID seen in the session.</summary>
    public byte[] CancelSession(byte[] cancelSessionRequest)
    {
        var request = CancelSessionRequest.Decode(cancelSessionRequest);
        var signed = new EuiccCancelSessionSigned(request.TransactionId, SmdpOid, request.Reason);
        return CancelSessionResponse.Ok(new CancelSessionResponseOk(signed, Sign(signed.Encode()))).Encode();
    }

    /// <summary>The SM-DP+ OID put in CancelSession and the PIR (the dpOid of ConfigureISDP once seen).</summary>
    public string SmdpOid { get; set; } = "2.999.10";

    private static byte[] Tlv(ReadOnlySpan<byte> signature) => [0x5F, 0x37, (byte)signature.Length, .. signature];
}
