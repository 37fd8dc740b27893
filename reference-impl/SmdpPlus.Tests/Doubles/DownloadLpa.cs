using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;
using Conformance.SmdpPlus.Hosting;

namespace Conformance.SmdpPlus.Tests.Doubles;

/// <summary>What the SM-DP+ answered to one ES9+ call (JSON binding, SGP.22 v2.5 §6.5).</summary>
public sealed record Es9Answer(HttpStatusCode HttpStatus, JsonElement? Body, string? AdminProtocol)
{
    public string? Status => Body?.GetProperty("header").GetProperty("functionExecutionStatus").GetProperty("status").GetString();

    public bool Succeeded => Status == FunctionExecutionStatusValues.ExecutedSuccess;

    /// <summary>"subject / reason" of a Failed answer, null otherwise.</summary>
    public string? Code => Body?.GetProperty("header").GetProperty("functionExecutionStatus").TryGetProperty("statusCodeData", out JsonElement scd) == true
        ? $"{scd.GetProperty("subjectCode").GetString()} / {scd.GetProperty("reasonCode").GetString()}"
        : null;

    public string Field(string name) => Body!.Value.GetProperty(name).GetString()!;

    public byte[] Base64(string name) => Convert.FromBase64String(Field(name));
}

/// <summary>How one download ended.</summary>
public sealed record DownloadOutcome(string? FailedFunction, Es9Answer? LastAnswer, string? EuiccRefusal, string? TransactionId, byte[]? BoundProfilePackage,
    ProfileInstallationResult? Result)
{
    public bool Installed => FailedFunction is null && Result?.ProfileInstallationResultData.SuccessResult is not null;

    public override string ToString() => Installed ? $"installed ({TransactionId})"
        : $"failed at {FailedFunction}: {LastAnswer?.Code ?? EuiccRefusal ?? "?"}";
}

/// <summary>
/// A minimal LPA for tests and the download benchmark: drives one profile download over ES9+ (JSON binding)
/// against an <see cref="IDownloadEuicc"/> (SGP.22 v2.5 §3.1.2–§3.1.3): InitiateAuthentication,
/// AuthenticateServer, AuthenticateClient, PrepareDownload (with hashCc), GetBoundProfilePackage,
/// LoadBoundProfilePackage, HandleNotification. Each call has the HttpClient's timeout.
/// </summary>
public sealed class DownloadLpa(HttpClient http, string smdpAddress, IDownloadEuicc euicc)
{
    public const string AdminProtocol = "gsma/rsp/v2.2.0";

    /// <summary>DeviceInfo sent in ctxParams1.</summary>
    public static DeviceInfo Device { get; } = new([0x35, 0x29, 0x06, 0x11], new DeviceCapabilities
    {
        GsmSupportedRelease = new VersionType(15, 0, 0),
        EutranEpcSupportedRelease = new VersionType(15, 0, 0),
    });

    /// <summary>Runs a whole download; <paramref name="matchingId"/> null means none (default SM-DP+ / SM-DS).</summary>
    public async Task<DownloadOutcome> DownloadAsync(string? matchingId, string? confirmationCode = null, CancellationToken ct = default)
    {
        Es9Answer ia = await InitiateAuthenticationAsync(ct).ConfigureAwait(false);
        if (!ia.Succeeded)
        {
            return new("InitiateAuthentication", ia, null, null, null, null);
        }
        string tid = ia.Field("transactionId");
        byte[] asrDer = euicc.AuthenticateServer(AuthenticateServerRequestFrom(ia, matchingId).Encode());
        var asr = AuthenticateServerResponse.Decode(asrDer);
        if (asr.AuthenticateResponseOk is null)
        {
            return new("AuthenticateServer", null, asr.AuthenticateResponseError!.AuthenticateErrorCode.ToString(), tid, null, null);
        }
        Es9Answer ac = await PostAsync("authenticateClient", new { transactionId = tid, authenticateServerResponse = Convert.ToBase64String(asrDer) }, ct).ConfigureAwait(false);
        if (!ac.Succeeded)
        {
            return new("AuthenticateClient", ac, null, tid, null, null);
        }
        byte[] pdrDer = euicc.PrepareDownload(PrepareDownloadRequestFrom(ac, tid, confirmationCode).Encode());
        var pdr = PrepareDownloadResponse.Decode(pdrDer);
        if (pdr.DownloadResponseOk is null)
        {
            return new("PrepareDownload", null, pdr.DownloadResponseError!.DownloadErrorCode.ToString(), tid, null, null);
        }
        Es9Answer gb = await PostAsync("getBoundProfilePackage", new { transactionId = tid, prepareDownloadResponse = Convert.ToBase64String(pdrDer) }, ct).ConfigureAwait(false);
        if (!gb.Succeeded)
        {
            return new("GetBoundProfilePackage", gb, null, tid, null, null);
        }
        byte[] bpp = gb.Base64("boundProfilePackage");
        byte[] pirDer = euicc.LoadBoundProfilePackage(bpp);
        var pir = ProfileInstallationResult.Decode(pirDer);
        Es9Answer hn = await PostAsync("handleNotification", new { pendingNotification = Convert.ToBase64String(pirDer) }, ct).ConfigureAwait(false);
        bool ok = pir.ProfileInstallationResultData.SuccessResult is not null;
        return new(hn.HttpStatus == HttpStatusCode.NoContent ? (ok ? null : "LoadBoundProfilePackage") : "HandleNotification", hn,
            ok ? null : pir.ProfileInstallationResultData.ErrorResult!.ErrorReason.ToString(), tid, bpp, pir);
    }

    public Task<Es9Answer> InitiateAuthenticationAsync(CancellationToken ct = default, string? address = null) =>
        PostAsync("initiateAuthentication", new
        {
            euiccChallenge = Convert.ToBase64String(euicc.GetEuiccChallenge()),
            euiccInfo1 = Convert.ToBase64String(euicc.GetEuiccInfo1()),
            smdpAddress = address ?? smdpAddress,
        }, ct);

    /// <summary>The ES10b.AuthenticateServer request the LPA builds from InitiateAuthentication's answer (SGP.22 §5.7.13).</summary>
    public static AuthenticateServerRequest AuthenticateServerRequestFrom(Es9Answer ia, string? matchingId) =>
        new(ServerSigned1.Decode(ia.Base64("serverSigned1")),
            Asn1BindingMapper.DecodeOctets(ia.Base64("serverSignature1"), 0x5F37),
            Asn1BindingMapper.DecodeOctets(ia.Base64("euiccCiPKIdToBeUsed"), 0x04),
            ia.Base64("serverCertificate"),
            CtxParams1.Common(new CtxParamsForCommonAuthentication(matchingId, Device)));

    /// <summary>The ES10b.PrepareDownload request (SGP.22 §5.7.5), with hashCc = SHA-256(SHA-256(CC) || transactionId) when a code is given.</summary>
    public static PrepareDownloadRequest PrepareDownloadRequestFrom(Es9Answer ac, string transactionId, string? confirmationCode)
    {
        var signed2 = SmdpSigned2.Decode(ac.Base64("smdpSigned2"));
        byte[]? hashCc = signed2.CcRequiredFlag && confirmationCode is not null
            ? SHA256.HashData([.. SHA256.HashData(Encoding.UTF8.GetBytes(confirmationCode)), .. Convert.FromHexString(transactionId)])
            : null;
        return new PrepareDownloadRequest(signed2, Asn1BindingMapper.DecodeOctets(ac.Base64("smdpSignature2"), 0x5F37), hashCc, ac.Base64("smdpCertificate"));
    }

    /// <summary>POSTs one ES9+ function with the binding's headers.</summary>
    public async Task<Es9Answer> PostAsync(string function, object body, CancellationToken ct = default)
    {
        string json = JsonSerializer.Serialize(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, "gsma/rsp2/es9plus/" + function)
        {
            Content = new StringContent(json, Encoding.UTF8, MediaTypeHeaderValue.Parse("application/json")),
        };
        request.Headers.Add("X-Admin-Protocol", AdminProtocol);
        request.Headers.UserAgent.ParseAdd("gsma-rsp-lpad");
        using HttpResponseMessage response = await http.SendAsync(request, ct).ConfigureAwait(false);
        byte[] content = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
        JsonElement? parsed = content.Length == 0 ? null : JsonDocument.Parse(content).RootElement.Clone();
        return new Es9Answer(response.StatusCode, parsed,
            response.Headers.TryGetValues("X-Admin-Protocol", out IEnumerable<string>? v) ? v.FirstOrDefault() : null);
    }
}
