using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Adapters.Es10;

// ES10c: local profile management (SGP.22 v2.5 §5.7.15–§5.7.21).
public sealed partial class Es10Client
{
    /// <summary>ES10c.GetProfilesInfo (SGP.22 §5.7.15): 'BF2D'.</summary>
    public Task<Es10Response<ProfileInfoListResponse>> GetProfilesInfoAsync(ProfileInfoListRequest? request = null, CancellationToken ct = default) =>
        CallAsync("ES10c GetProfilesInfo", (request ?? new ProfileInfoListRequest()).Encode(),
            nameof(ProfileInfoListResponse), d => ProfileInfoListResponse.Decode(d), ct);

    /// <summary>ES10c.EnableProfile (SGP.22 §5.7.16): 'BF31'.</summary>
    public async Task<Es10Response<EnableProfileResult>> EnableProfileAsync(ProfileIdentifier profile, bool refreshFlag, CancellationToken ct = default)
    {
        var r = await CallAsync("ES10c EnableProfile", new EnableProfileRequest(profile, refreshFlag).Encode(),
            nameof(EnableProfileResponse), d => EnableProfileResponse.Decode(d), ct).ConfigureAwait(false);
        return new Es10Response<EnableProfileResult>(r.Value.EnableResult, r.Raw, r.Exchange);
    }

    /// <summary>ES10c.DisableProfile (SGP.22 §5.7.17): 'BF32'.</summary>
    public async Task<Es10Response<DisableProfileResult>> DisableProfileAsync(ProfileIdentifier profile, bool refreshFlag, CancellationToken ct = default)
    {
        var r = await CallAsync("ES10c DisableProfile", new DisableProfileRequest(profile, refreshFlag).Encode(),
            nameof(DisableProfileResponse), d => DisableProfileResponse.Decode(d), ct).ConfigureAwait(false);
        return new Es10Response<DisableProfileResult>(r.Value.DisableResult, r.Raw, r.Exchange);
    }

    /// <summary>ES10c.DeleteProfile (SGP.22 §5.7.18): 'BF33'.</summary>
    public async Task<Es10Response<DeleteProfileResult>> DeleteProfileAsync(ProfileIdentifier profile, CancellationToken ct = default)
    {
        var r = await CallAsync("ES10c DeleteProfile", new DeleteProfileRequest(profile).Encode(),
            nameof(DeleteProfileResponse), d => DeleteProfileResponse.Decode(d), ct).ConfigureAwait(false);
        return new Es10Response<DeleteProfileResult>(r.Value.DeleteResult, r.Raw, r.Exchange);
    }

    /// <summary>ES10c.eUICCMemoryReset (SGP.22 §5.7.19): 'BF34' with the resetOptions bits.</summary>
    public async Task<Es10Response<EuiccMemoryResetResult>> EuiccMemoryResetAsync(NamedBitList resetOptions, CancellationToken ct = default)
    {
        var r = await CallAsync("ES10c eUICCMemoryReset", new EuiccMemoryResetRequest(resetOptions).Encode(),
            nameof(EuiccMemoryResetResponse), d => EuiccMemoryResetResponse.Decode(d), ct).ConfigureAwait(false);
        return new Es10Response<EuiccMemoryResetResult>(r.Value.ResetResult, r.Raw, r.Exchange);
    }

    /// <summary>ES10c.GetEID (SGP.22 §5.7.20): GetEuiccDataRequest 'BF3E' with tagList '5A'.</summary>
    public Task<Es10Response<GetEuiccDataResponse>> GetEidAsync(CancellationToken ct = default) =>
        CallAsync("ES10c GetEID", GetEuiccDataRequest.ForEid().Encode(), GetEuiccDataResponse.TypeName, d => GetEuiccDataResponse.Decode(d), ct);

    /// <summary>ES10c.SetNickname (SGP.22 §5.7.21): 'BF29'.</summary>
    public async Task<Es10Response<SetNicknameResult>> SetNicknameAsync(Iccid iccid, string profileNickname, CancellationToken ct = default)
    {
        var r = await CallAsync("ES10c SetNickname", new SetNicknameRequest(iccid, profileNickname).Encode(),
            nameof(SetNicknameResponse), d => SetNicknameResponse.Decode(d), ct).ConfigureAwait(false);
        return new Es10Response<SetNicknameResult>(r.Value.SetNicknameResult, r.Raw, r.Exchange);
    }
}
