using System.Text.RegularExpressions;
using Conformance.Adapters.Es10;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;
using Conformance.Steps.Drivers;

namespace Conformance.Steps.StepDefinitions;

/// <summary>ES10a: the addresses the eUICC holds (SGP.22 v2.5 §5.7.3 GetEuiccConfiguredAddresses, §5.7.4 SetDefaultDpAddress).</summary>
[Binding]
public sealed partial class Es10aSteps(EuiccDriver euicc)
{
    private EuiccConfiguredAddressesResponse? _addresses;

    [Given(@"^the default SM-DP\+ address is ""(.*)""$")]
    public Task DefaultAddressIs(string address) => EuiccDriver.Checked(async () =>
    {
        await SetAsync(address).ConfigureAwait(false);
        Assert.That(euicc.Last!.Name, Is.EqualTo(nameof(SetDefaultDpAddressResult.ok)), euicc.Last.Mismatch(nameof(SetDefaultDpAddressResult.ok)));
    });

    [When(@"^the LPA asks for the configured addresses$")]
    public Task AskAddresses() => EuiccDriver.Checked(async () =>
    {
        Es10Client es10 = await euicc.Es10Async().ConfigureAwait(false);
        _addresses = (await es10.GetEuiccConfiguredAddressesAsync().ConfigureAwait(false)).Value;
    });

    [When(@"^the LPA sets the default SM-DP\+ address to ""(.*)""$")]
    public Task SetAddress(string address) => EuiccDriver.Checked(() => SetAsync(address));

    [Then(@"^the answer has a root SM-DS address that is an FQDN$")]
    public void RootDsIsFqdn()
    {
        EuiccConfiguredAddressesResponse a = _addresses ?? throw new InvalidOperationException("GetEuiccConfiguredAddresses was not called");
        Assert.That(Fqdn().IsMatch(a.RootDsAddress), Is.True, $"SGP.22 §5.7.3: rootDsAddress is the FQDN of the root SM-DS, got '{a.RootDsAddress}'");
        if (a.DefaultDpAddress is { } dp)
        {
            Assert.That(Fqdn().IsMatch(dp), Is.True, $"SGP.22 §5.7.3: defaultDpAddress, when present, is an SM-DP+ FQDN, got '{dp}'");
        }
    }

    [Then(@"^the configured addresses hold the default SM-DP\+ address ""(.*)""$")]
    public Task HoldsAddress(string address) => EuiccDriver.Checked(async () =>
    {
        EuiccConfiguredAddressesResponse a = await ReadAsync().ConfigureAwait(false);
        Assert.That(a.DefaultDpAddress, Is.EqualTo(address),
            $"SGP.22 §5.7.4: the eUICC SHALL replace the default SM-DP+ address with the new value; GetEuiccConfiguredAddresses answers '{a.DefaultDpAddress ?? "(none)"}'");
    });

    [Then(@"^the configured addresses hold no default SM-DP\+ address$")]
    public Task HoldsNoAddress() => EuiccDriver.Checked(async () =>
    {
        EuiccConfiguredAddressesResponse a = await ReadAsync().ConfigureAwait(false);
        Assert.That(a.DefaultDpAddress, Is.Null, $"SGP.22 §5.7.4: an empty defaultDpAddress removes the default SM-DP+ address; GetEuiccConfiguredAddresses still answers '{a.DefaultDpAddress}'");
    });

    private async Task SetAsync(string address)
    {
        Es10Client es10 = await euicc.Es10Async().ConfigureAwait(false);
        euicc.DefaultAddressChanging((await ReadAsync().ConfigureAwait(false)).DefaultDpAddress);
        SetDefaultDpAddressResult r = (await es10.SetDefaultDpAddressAsync(address).ConfigureAwait(false)).Value;
        euicc.Last = CardOutcome.Of("SetDefaultDpAddress", "§5.7.4", $"to '{address}'", r);
    }

    private async Task<EuiccConfiguredAddressesResponse> ReadAsync()
    {
        Es10Client es10 = await euicc.Es10Async().ConfigureAwait(false);
        return (await es10.GetEuiccConfiguredAddressesAsync().ConfigureAwait(false)).Value;
    }

    [GeneratedRegex(@"^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+(:[0-9]{1,5})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Fqdn();
}
