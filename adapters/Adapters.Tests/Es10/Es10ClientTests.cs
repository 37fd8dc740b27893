using Conformance.Adapters.Apdu;
using Conformance.Adapters.Es10;
using Conformance.Adapters.Http;
using Conformance.Euicc.Apdu;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Adapters.Tests.Es10;

/// <summary>Es10Client over the ISD-R APDU front end with a scripted eUICC: commands, strict decoding, typed errors, records.</summary>
public class Es10ClientTests
{
    private const string Challenge = "000102030405060708090A0B0C0D0E0F";

    [Test]
    public async Task GetEuiccChallengeSendsBF2EAndDecodesTheChallenge()
    {
        var h = new ScriptedEs10Handler().On("BF2E", "BF2E1280" + "10" + Challenge);
        await using Es10Card card = await Es10Card.OpenAsync(h);
        Es10Response<GetEuiccChallengeResponse> r = await card.Client.GetEuiccChallengeAsync();
        Assert.That(h.Commands.Single(), Is.EqualTo(Convert.FromHexString("BF2E00")));
        Assert.That(r.Value.EuiccChallenge, Is.EqualTo(Convert.FromHexString(Challenge)));
        Assert.That(r.Raw, Is.EqualTo(Convert.FromHexString("BF2E128010" + Challenge)));
    }

    [Test]
    public async Task GetEuiccInfo1KeepsTheBytesTheEuiccSent()
    {
        const string info1 = "BF2009" + "8203020200" + "A900" + "AA00";
        var h = new ScriptedEs10Handler().On("BF20", info1);
        await using Es10Card card = await Es10Card.OpenAsync(h);
        Es10Response<EUICCInfo1> r = await card.Client.GetEuiccInfo1Async();
        Assert.That(h.Commands.Single(), Is.EqualTo(Convert.FromHexString("BF2000")));
        Assert.That(r.Value.Svn, Is.EqualTo(new VersionType(2, 2, 0)));
        Assert.That(r.Raw, Is.EqualTo(Convert.FromHexString(info1)));
    }

    [TestCase("BF2E0580031122", TestName = "challenge of 3 bytes")]
    [TestCase("BF2E128010" + Challenge + "00", TestName = "trailing byte after the response")]
    [TestCase("BF2F128010" + Challenge, TestName = "wrong outer tag")]
    [TestCase("BF2E1280", TestName = "length past the end")]
    public async Task AResponseThatIsNotAGetEuiccChallengeResponseIsATypedError(string response)
    {
        var h = new ScriptedEs10Handler().On("BF2E", response);
        await using Es10Card card = await Es10Card.OpenAsync(h);
        var e = Assert.ThrowsAsync<Es10ResponseException>(() => card.Client.GetEuiccChallengeAsync())!;
        Assert.That(e.Function, Is.EqualTo("ES10b GetEUICCChallenge"));
        Assert.That(e.Response, Is.EqualTo(Convert.FromHexString(response)));
        Assert.That(e.Command, Is.EqualTo(Convert.FromHexString("BF2E00")));
        Assert.That(e.TypeName, Is.EqualTo(GetEuiccChallengeResponse.TypeName));
        Assert.That(e.Message, Does.StartWith("ES10b GetEUICCChallenge: the eUICC's response is not a valid GetEuiccChallengeResponse: "));
    }

    [Test]
    public async Task AnErrorStatusWordIsATypedError()
    {
        var h = new ScriptedEs10Handler().On("BF2E", _ => throw new Es10StatusException(StatusWords.IncorrectData, "test"));
        await using Es10Card card = await Es10Card.OpenAsync(h);
        var e = Assert.ThrowsAsync<Es10StatusWordException>(() => card.Client.GetEuiccChallengeAsync())!;
        Assert.That(e.StatusWord, Is.EqualTo(StatusWords.IncorrectData));
        Assert.That(e.ResponseApdu, Is.EqualTo(new byte[] { 0x6A, 0x80 }));
        Assert.That(e.Message, Does.StartWith("ES10b GetEUICCChallenge: the eUICC answered status word"));
    }

    [Test]
    public async Task EveryFunctionAndEveryApduIsRecorded()
    {
        var h = new ScriptedEs10Handler().On("BF2E", "BF2E128010" + Challenge);
        await using Es10Card card = await Es10Card.OpenAsync(h);
        await card.Client.GetEuiccChallengeAsync();
        IReadOnlyList<RecordedExchange> all = card.Recorder.Exchanges;
        RecordedExchange es10 = all.Single(x => x.Kind == ExchangeKind.Es10);
        Assert.That(es10.Label, Is.EqualTo("ES10b GetEUICCChallenge"));
        Assert.That(es10.Request, Is.EqualTo(Convert.FromHexString("BF2E00")));
        Assert.That(es10.DescribeResponse(), Does.Contain("GetEuiccChallengeResponse"), es10.DescribeResponse());
        byte[][] apdus = all.Where(x => x.Kind == ExchangeKind.Apdu).Select(x => x.Request).ToArray();
        Assert.That(apdus[0], Is.EqualTo(new byte[] { 0x00, 0x70, 0x00, 0x00, 0x01 }), "MANAGE CHANNEL open");
        Assert.That(apdus[1][1], Is.EqualTo(0xA4), "SELECT ISD-R");
        Assert.That(apdus[2][..4], Is.EqualTo(new byte[] { 0x81, 0xE2, 0x91, 0x00 }), "one STORE DATA block on channel 1");
    }

    [Test]
    public async Task EnableProfileSendsTheIccidAndReturnsTheResult()
    {
        var h = new ScriptedEs10Handler().On("BF31", "BF3103800102");
        await using Es10Card card = await Es10Card.OpenAsync(h);
        Iccid iccid = Iccid.FromString("89049032123451234512");
        Es10Response<EnableProfileResult> r = await card.Client.EnableProfileAsync(ProfileIdentifier.ByIccid(iccid), refreshFlag: true);
        Assert.That(r.Value, Is.EqualTo(EnableProfileResult.profileNotInDisabledState));
        EnableProfileRequest sent = EnableProfileRequest.Decode(h.Commands.Single());
        Assert.That(sent.ProfileIdentifier.Iccid, Is.EqualTo(iccid));
        Assert.That(sent.RefreshFlag, Is.True);
    }

    [Test]
    public async Task GetEidAsksForTag5A()
    {
        const string eid = "89049032123451234512345678901235";
        var h = new ScriptedEs10Handler().On("BF3E", "BF3E125A10" + eid);
        await using Es10Card card = await Es10Card.OpenAsync(h);
        Es10Response<GetEuiccDataResponse> r = await card.Client.GetEidAsync();
        Assert.That(h.Commands.Single(), Is.EqualTo(Convert.FromHexString("BF3E035C015A")));
        Assert.That(r.Value.Eid, Is.EqualTo(eid));
    }

    [Test]
    public async Task AHangingCardIsATimeout()
    {
        var inner = new InProcessApduTransport(new IsdrFrontEnd(new ScriptedEs10Handler()));
        await using var hanging = new HangOnStoreData(inner);
        var client = await Es10Client.OpenAsync(hanging, new ExchangeRecorder(), options: new Es10ClientOptions { Timeout = TimeSpan.FromMilliseconds(200) });
        var e = Assert.ThrowsAsync<Es10TimeoutException>(() => client.GetEuiccChallengeAsync())!;
        Assert.That(e.Message, Is.EqualTo("ES10b GetEUICCChallenge: the eUICC gave no complete answer within 0.2 s."));
    }

    /// <summary>Answers channel management and SELECT, never answers STORE DATA.</summary>
    private sealed class HangOnStoreData(IApduTransport inner) : IApduTransport
    {
        public byte[] Atr => inner.Atr;

        public string Description => "hanging card";

        public async Task<byte[]> TransmitAsync(byte[] apdu, CancellationToken ct)
        {
            if (apdu[1] == 0xE2)
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            return await inner.TransmitAsync(apdu, ct);
        }

        public Task ResetAsync(CancellationToken ct) => inner.ResetAsync(ct);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
