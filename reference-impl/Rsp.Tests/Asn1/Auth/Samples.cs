using Conformance.Rsp.Asn1;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;
using static Conformance.Rsp.Tests.Asn1.Auth.SpecVectors;

namespace Conformance.Rsp.Tests.Asn1.Auth;

/// <summary>The values of <see cref="SpecVectors"/>, built in code with the records.</summary>
internal static class Samples
{
    public static EUICCInfo1 RealInfo1() =>
        new(VersionType.Parse("2.3.0"), [Ski1], [Ski1]);

    public static EUICCInfo2 EuiccInfo2() => new()
    {
        ProfileVersion = VersionType.Parse("2.3.0"),
        Svn = VersionType.Parse("2.2.2"),
        EuiccFirmwareVer = new VersionType(1, 2, 3),
        ExtCardResource = H("AABBCC"),
        UiccCapability = new NamedBits<UICCCapability>(H("FFFF80"), 7),
        Ts102241Version = VersionType.Parse("9.2.0"),
        GlobalplatformVersion = VersionType.Parse("2.3"),
        RspCapability = NamedBits<RspCapability>.From(RspCapability.additionalProfile | RspCapability.crlSupport),
        EuiccCiPKIdListForVerification = [Ski1, Ski2],
        EuiccCiPKIdListForSigning = [Ski1],
        EuiccCategory = EuiccCategory.mediumEuicc,
        ForbiddenProfilePolicyRules = NamedBits<PprIds>.From(PprIds.ppr1),
        PpVersion = new VersionType(1, 0, 0),
        SasAcreditationNumber = "SAS-123456",
        CertificationDataObject = new CertificationDataObject("abc", "xyz"),
        TreProperties = NamedBits<TreProperties>.From(TreProperties.isDiscrete | TreProperties.usesRemoteMemory),
        TreProductReference = "TRE",
        AdditionalEuiccProfilePackageVersions = [VersionType.Parse("2.1.0")],
        Extensions = [RawDer.Parse(H("900100"))],
    };

    public static DeviceInfo DeviceInfo() => new(
        H("35290611"),
        new DeviceCapabilities
        {
            GsmSupportedRelease = VersionType.Parse("8.0"),
            UtranSupportedRelease = VersionType.Parse("11.0"),
            EutranEpcSupportedRelease = VersionType.Parse("15.0"),
            NrEpcSupportedRelease = VersionType.Parse("15.0"),
        },
        H("3529061100000000"));

    public static CtxParams1 CtxParams1() => global::Conformance.Rsp.Asn1.Messages.CtxParams1.Common(new CtxParamsForCommonAuthentication("MATCHING-ID-1", DeviceInfo()));

    public static ServerSigned1 ServerSigned1() => new(TxId, EuiccChallenge, Address, ServerChallenge);

    public static AuthenticateServerRequest AuthenticateServerRequest() =>
        new(ServerSigned1(), Sig, Ski1, CertServer, CtxParams1());

    public static EuiccSigned1 EuiccSigned1() => new(TxId, Address, ServerChallenge, EuiccInfo2(), CtxParams1());

    public static AuthenticateServerResponse AuthenticateServerResponseOk() =>
        AuthenticateServerResponse.Ok(new AuthenticateResponseOk(EuiccSigned1(), Sig, CertEuicc, CertEum));

    public static AuthenticateServerResponse AuthenticateServerResponseError() =>
        AuthenticateServerResponse.Error(new AuthenticateResponseError(TxId, AuthenticateErrorCode.euiccChallengeMismatch));

    public static SmdpSigned2 SmdpSigned2() => new(TxId, true, Otpk);

    public static PrepareDownloadRequest PrepareDownloadRequest() => new(SmdpSigned2(), Sig, HashCc, CertServer);

    public static PrepareDownloadResponse PrepareDownloadResponseOk() =>
        PrepareDownloadResponse.Ok(new PrepareDownloadResponseOk(new EUICCSigned2(TxId, Otpk, HashCc), Sig));

    public static PrepareDownloadResponse PrepareDownloadResponseError() =>
        PrepareDownloadResponse.Error(new PrepareDownloadResponseError(TxId, DownloadErrorCode.invalidTransactionId));

    public static CancelSessionRequest CancelSessionRequest() => new(TxId, CancelSessionReason.postponed);

    public static CancelSessionResponse CancelSessionResponseOk() =>
        CancelSessionResponse.Ok(new CancelSessionResponseOk(new EuiccCancelSessionSigned(TxId, SmdpOid, CancelSessionReason.endUserRejection), Sig));

    public static CancelSessionResponse CancelSessionResponseError() => CancelSessionResponse.Error(CancelSessionError.invalidTransactionId);

    public static InitiateAuthenticationRequest InitiateAuthenticationRequest() => new(EuiccChallenge, Address, RealInfo1());

    public static InitiateAuthenticationResponse InitiateAuthenticationResponseOk() =>
        InitiateAuthenticationResponse.Ok(new InitiateAuthenticationOkEs9(TxId, ServerSigned1(), Sig, Ski1, CertServer));

    public static InitiateAuthenticationResponse InitiateAuthenticationResponseError() =>
        InitiateAuthenticationResponse.Error(InitiateAuthenticationError.ciPKIdNotSupported);

    public static AuthenticateClientRequest AuthenticateClientRequest() => new(TxId, AuthenticateServerResponseOk());

    public static AuthenticateClientResponseEs9 AuthenticateClientResponseOk() =>
        AuthenticateClientResponseEs9.Ok(new AuthenticateClientOk(TxId, RawDer.Parse(ProfileMetadata()), SmdpSigned2(), Sig, CertServer));

    public static AuthenticateClientResponseEs9 AuthenticateClientResponseError() =>
        AuthenticateClientResponseEs9.Error(AuthenticateClientError.noEligibleProfile);

    public static AuthenticateClientResponseEs9 AuthenticateClientResponseAcr() =>
        new() { AuthenticateClientOkAcr = new AuthenticateClientOkAcr(TxId, RawDer.Parse(ProfileMetadata())) };

    public static GetBoundProfilePackageRequest GetBoundProfilePackageRequest() => new(TxId, PrepareDownloadResponseOk());

    public static GetBoundProfilePackageResponse GetBoundProfilePackageResponseOk() =>
        GetBoundProfilePackageResponse.Ok(new GetBoundProfilePackageOk(TxId, RawDer.Parse(Bpp())));

    public static GetBoundProfilePackageResponse GetBoundProfilePackageResponseError() =>
        GetBoundProfilePackageResponse.Error(GetBoundProfilePackageError.invalidTransactionId);

    public static HandleNotification HandleNotification() => new(RawDer.Parse(Pir()));

    public static CancelSessionRequestEs9 CancelSessionRequestEs9() => new(TxId, CancelSessionResponseOk());

    public static CancelSessionResponseEs9 CancelSessionResponseEs9Ok() => CancelSessionResponseEs9.Ok();

    public static CancelSessionResponseEs9 CancelSessionResponseEs9Error() => CancelSessionResponseEs9.Error(CancelSessionEs9Error.euiccSignatureInvalid);

    public static RemoteProfileProvisioningRequest RppRequest() => new() { InitiateAuthenticationRequest = InitiateAuthenticationRequest() };

    public static RemoteProfileProvisioningResponse RppResponse() => new() { GetBoundProfilePackageResponse = GetBoundProfilePackageResponseError() };
}

/// <summary>One message type: its spec vector, the same value built in code, and its decoder.</summary>
public sealed record MessageCase(string Name, string TypeName, Func<byte[]> Spec, Func<byte[]> Built, Func<byte[], object> Decode, Func<object, byte[]> Encode)
{
    public override string ToString() => Name;

    internal static MessageCase Of<T>(string name, Func<byte[]> spec, Func<T> built) where T : IAsn1Message<T> =>
        new(name, (string)typeof(T).GetField("TypeName")!.GetValue(null)!, spec, () => built().Encode(), b => T.Decode(b), o => ((T)o).Encode());

    /// <summary>Every top-level message type, with each CHOICE alternative, in spec and code form.</summary>
    public static IEnumerable<MessageCase> All()
    {
        yield return Of("GetEuiccInfo1Request", () => H("BF2000"), () => new GetEuiccInfo1Request());
        yield return Of("EUICCInfo1 (real)", () => H(RealEuiccInfo1), Samples.RealInfo1);
        yield return Of("GetEuiccInfo2Request", () => H("BF2200"), () => new GetEuiccInfo2Request());
        yield return Of("EUICCInfo2", SpecVectors.EuiccInfo2, Samples.EuiccInfo2);
        yield return Of("AuthenticateServerRequest", SpecVectors.AuthenticateServerRequest, Samples.AuthenticateServerRequest);
        yield return Of("AuthenticateServerResponse ok", SpecVectors.AuthenticateServerResponseOk, Samples.AuthenticateServerResponseOk);
        yield return Of("AuthenticateServerResponse error", SpecVectors.AuthenticateServerResponseError, Samples.AuthenticateServerResponseError);
        yield return Of("PrepareDownloadRequest", SpecVectors.PrepareDownloadRequest, Samples.PrepareDownloadRequest);
        yield return Of("PrepareDownloadResponse ok", SpecVectors.PrepareDownloadResponseOk, Samples.PrepareDownloadResponseOk);
        yield return Of("PrepareDownloadResponse error", SpecVectors.PrepareDownloadResponseError, Samples.PrepareDownloadResponseError);
        yield return Of("CancelSessionRequest", SpecVectors.CancelSessionRequest, Samples.CancelSessionRequest);
        yield return Of("CancelSessionResponse ok", SpecVectors.CancelSessionResponseOk, Samples.CancelSessionResponseOk);
        yield return Of("CancelSessionResponse error", SpecVectors.CancelSessionResponseError, Samples.CancelSessionResponseError);
        yield return Of("GetEuiccChallengeRequest", () => H("BF2E00"), () => new GetEuiccChallengeRequest());
        yield return Of("GetEuiccChallengeResponse (real)", () => H(RealChallengeResponse), () => new GetEuiccChallengeResponse(H("FDC5A60071053ABB4C0F91BC0620BCFD")));
        yield return Of("GetEuiccDataRequest (real)", () => H(RealGetEidRequest), GetEuiccDataRequest.ForEid);
        yield return Of("GetEuiccDataResponse (real)", () => H(RealGetEidResponse), () => new GetEuiccDataResponse(H("89049032000000000000279973200019")));
        yield return Of("InitiateAuthenticationRequest", SpecVectors.InitiateAuthenticationRequest, Samples.InitiateAuthenticationRequest);
        yield return Of("InitiateAuthenticationResponse ok", SpecVectors.InitiateAuthenticationResponseOk, Samples.InitiateAuthenticationResponseOk);
        yield return Of("InitiateAuthenticationResponse error", SpecVectors.InitiateAuthenticationResponseError, Samples.InitiateAuthenticationResponseError);
        yield return Of("AuthenticateClientRequest", SpecVectors.AuthenticateClientRequest, Samples.AuthenticateClientRequest);
        yield return Of("AuthenticateClientResponseEs9 ok", SpecVectors.AuthenticateClientResponseOk, Samples.AuthenticateClientResponseOk);
        yield return Of("AuthenticateClientResponseEs9 error", SpecVectors.AuthenticateClientResponseError, Samples.AuthenticateClientResponseError);
        yield return Of("AuthenticateClientResponseEs9 acr", SpecVectors.AuthenticateClientResponseAcr, Samples.AuthenticateClientResponseAcr);
        yield return Of("GetBoundProfilePackageRequest", SpecVectors.GetBoundProfilePackageRequest, Samples.GetBoundProfilePackageRequest);
        yield return Of("GetBoundProfilePackageResponse ok", SpecVectors.GetBoundProfilePackageResponseOk, Samples.GetBoundProfilePackageResponseOk);
        yield return Of("GetBoundProfilePackageResponse error", SpecVectors.GetBoundProfilePackageResponseError, Samples.GetBoundProfilePackageResponseError);
        yield return Of("HandleNotification", SpecVectors.HandleNotification, Samples.HandleNotification);
        yield return Of("CancelSessionRequestEs9", SpecVectors.CancelSessionRequestEs9, Samples.CancelSessionRequestEs9);
        yield return Of("CancelSessionResponseEs9 ok", SpecVectors.CancelSessionResponseEs9Ok, Samples.CancelSessionResponseEs9Ok);
        yield return Of("CancelSessionResponseEs9 error", SpecVectors.CancelSessionResponseEs9Error, Samples.CancelSessionResponseEs9Error);
        yield return Of("RemoteProfileProvisioningRequest", SpecVectors.RppRequest, Samples.RppRequest);
        yield return Of("RemoteProfileProvisioningResponse", SpecVectors.RppResponse, Samples.RppResponse);
    }
}
