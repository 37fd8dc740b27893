using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Adapters.Es10;

// ES10a: the LPA asks the eUICC for its configured addresses (SGP.22 v2.5 §5.7.3–§5.7.4).
public sealed partial class Es10Client
{
    /// <summary>ES10a.GetEuiccConfiguredAddresses (SGP.22 §5.7.3): 'BF3C'.</summary>
    public Task<Es10Response<EuiccConfiguredAddressesResponse>> GetEuiccConfiguredAddressesAsync(CancellationToken ct = default) =>
        CallAsync("ES10a GetEuiccConfiguredAddresses", new EuiccConfiguredAddressesRequest().Encode(),
            nameof(EuiccConfiguredAddressesResponse), d => EuiccConfiguredAddressesResponse.Decode(d), ct);

    /// <summary>ES10a.SetDefaultDpAddress (SGP.22 §5.7.4): 'BF3F'.</summary>
    public async Task<Es10Response<SetDefaultDpAddressResult>> SetDefaultDpAddressAsync(string defaultDpAddress, CancellationToken ct = default)
    {
        Es10Response<SetDefaultDpAddressResponse> r = await CallAsync("ES10a SetDefaultDpAddress",
            new SetDefaultDpAddressRequest(defaultDpAddress).Encode(), nameof(SetDefaultDpAddressResponse), d => SetDefaultDpAddressResponse.Decode(d), ct).ConfigureAwait(false);
        return new Es10Response<SetDefaultDpAddressResult>(r.Value.SetDefaultDpAddressResult, r.Raw, r.Exchange);
    }
}
