using Conformance.Adapters.Es10;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Steps.Drivers;

namespace Conformance.Steps.StepDefinitions;

/// <summary>The card itself: ATR, ISD-R selection on a logical channel, reset (SGP.22 v2.5 §5.7.2, ETSI TS 102 221).</summary>
[Binding]
public sealed class EuiccCardSteps(EuiccDriver euicc, CardDownloadDriver download)
{
    private byte[] _atr = [];
    private Es10Client? _client;

    [When(@"^the LPA reads the ATR$")]
    public void ReadAtr() => _atr = euicc.Card.Transport.Atr;

    [Then(@"^the ATR is well formed and offers T=0 or T=1$")]
    public void AtrWellFormed()
    {
        CardAtr atr = CardAtr.Parse(_atr);
        Assert.That(atr.Problems, Is.Empty, $"ATR {Convert.ToHexString(_atr)}");
        Assert.That(atr.Protocols.Intersect([0, 1]), Is.Not.Empty,
            $"ETSI TS 102 221 §6.3: a UICC offers T=0 or T=1; ATR {Convert.ToHexString(_atr)} offers T={string.Join(", T=", atr.Protocols)}");
    }

    [When(@"^the LPA opens a logical channel and selects the ISD-R$")]
    public Task SelectIsdr() => EuiccDriver.Checked(async () => _client = await euicc.Es10Async().ConfigureAwait(false));

    [Then(@"^the ISD-R answers ES10 functions on that channel$")]
    public Task IsdrAnswers() => EuiccDriver.Checked(async () =>
    {
        Es10Client client = _client ?? throw new InvalidOperationException("the ISD-R was not selected");
        Assert.That(client.Session.Channel, Is.InRange(1, 19), "SGP.22 §5.7.2: the LPA reaches the ISD-R on a logical channel MANAGE CHANNEL opened");
        GetEuiccDataResponse eid = (await client.GetEidAsync().ConfigureAwait(false)).Value;
        Assert.That(eid.EidValue, Has.Length.EqualTo(16), "SGP.22 §5.7.20: the ISD-R answers GetEID with the 16-byte EID");
    });

    [When(@"^the card is reset$")]
    public Task Reset() => EuiccDriver.Checked(euicc.ResetAsync);

    [Then(@"^the eUICC still holds the profile and the default SM-DP\+ address ""(.*)""$")]
    public Task StillHolds(string address) => EuiccDriver.Checked(async () =>
    {
        ProfileInfo? info = await euicc.ProfileInfoAsync(euicc.IccidOf("the profile")).ConfigureAwait(false);
        Assert.That(info, Is.Not.Null, "SGP.22 §2.1 (non-volatile eUICC memory): an installed profile survives a reset; GetProfilesInfo no longer lists it");
        Es10Client es10 = await euicc.Es10Async().ConfigureAwait(false);
        EuiccConfiguredAddressesResponse a = (await es10.GetEuiccConfiguredAddressesAsync().ConfigureAwait(false)).Value;
        Assert.That(a.DefaultDpAddress, Is.EqualTo(address), "SGP.22 §5.7.4: the default SM-DP+ address set by SetDefaultDpAddress survives a reset");
    });

    [Then(@"^the response of AuthenticateServer was longer than 256 bytes and arrived whole$")]
    public void ArrivedWhole()
    {
        byte[] raw = download.Lpa.Session.AuthenticateServerResult?.Raw ?? throw new InvalidOperationException("AuthenticateServer was not called");
        Assert.That(raw.Length, Is.GreaterThan(256), "the case needs a response over 256 bytes; AuthenticateServerResponse was shorter");
    }
}
