using Conformance.Adapters.Isdr;
using Conformance.Adapters.Pcsc;
using Conformance.Euicc.Tests.Support;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Testing.Pcsc;

namespace Conformance.Euicc.Tests.Pcsc;

/// <summary>
/// The real ES10 handler through the real PC/SC stack: a private pcscd with a vpcd reader (scripts/pcsc.sh),
/// the emulator attached as the virtual card (<see cref="PcscCard"/>, shared with the other fixtures here),
/// <see cref="PcscTransport"/> and <see cref="IsdrSession"/> as the LPA. Ignored, with the reason, only when
/// pcscd / vpcd cannot be installed.
/// </summary>
[TestFixture]
[NonParallelizable]
public class PcscEuiccTests
{
    private static PcscRig Rig => PcscCard.Rig;

    [Test]
    public async Task GetEidAndGetEuiccInfo2ThroughPcscdAndVpcd()
    {
        await using PcscTransport transport = await PcscTransport.ConnectAsync(Rig.Options(), CancellationToken.None);
        await using IsdrSession session = await IsdrSession.OpenAsync(transport);

        GetEuiccDataResponse eid = GetEuiccDataResponse.Decode(await session.TransmitEs10Async(GetEuiccDataRequest.ForEid().Encode(), CancellationToken.None));
        Assert.That(eid.Eid, Is.EqualTo(TestCard.Identity.Eid));

        EUICCInfo2 info2 = EUICCInfo2.Decode(await session.TransmitEs10Async(new GetEuiccInfo2Request().Encode(), CancellationToken.None));
        Assert.That(info2.Svn.ToString(), Is.EqualTo("2.2.2"));
        Assert.That(info2.EuiccCiPKIdListForVerification, Is.EqualTo(TestCard.Identity.CiPkIdsForVerification));

        // A response over 256 bytes (AuthenticateServer) comes back through 61xx / GET RESPONSE via pcscd.
        byte[] challenge = GetEuiccChallengeResponse.Decode(await session.TransmitEs10Async(new GetEuiccChallengeRequest().Encode(), CancellationToken.None)).EuiccChallenge;
        var smdp = new TestSmdp(TestCard.Nist);
        byte[] raw = await session.TransmitEs10Async(smdp.AuthenticateServer(challenge).Encode(), CancellationToken.None);
        Assert.That(raw.Length, Is.GreaterThan(256));
        AuthenticateResponseOk ok = AuthenticateServerResponse.Decode(raw).AuthenticateResponseOk!;
        Assert.That(Verify.ByEuicc(ok.EuiccSigned1.SignedData.Span, ok.EuiccSignature1));
    }
}
