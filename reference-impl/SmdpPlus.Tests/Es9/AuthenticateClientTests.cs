using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Pki;
using Conformance.SmdpPlus.Store;
using Conformance.SmdpPlus.Tests.Support;
using Conformance.SmdpPlus.Tests.Doubles;

namespace Conformance.SmdpPlus.Tests.Es9;

/// <summary>ES9+.AuthenticateClient status codes (SGP.22 v2.5 §5.6.3; SGP.23 §4.3.14), one test per code.</summary>
public class AuthenticateClientTests
{
    private Es9Context _c = null!;
    private int _next = 100;

    [OneTimeSetUp]
    public async Task Start() => _c = await Es9Context.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _c.DisposeAsync();

    [SetUp]
    public void FreshEuicc() => _c.UseEuicc(TestDoubleEuicc.For(_c.Pki));

    private async Task<(int I, string MatchingId)> OrderAsync(string? eid = Es9Context.Eid, SmdpProfileState state = SmdpProfileState.Released,
        DateTimeOffset? expires = null, int attempts = 3)
    {
        int i = Interlocked.Increment(ref _next);
        await _c.ReleasedOrderAsync(i, eid: eid, state: state, expires: expires, attempts: attempts);
        return (i, $"MATCH-{i:D5}");
    }

    private async Task<string?> CodeFor(string? matchingId)
    {
        (Es9Answer ia, string tid) = await _c.InitiateAsync();
        byte[] asr = _c.Euicc.AuthenticateServer(DownloadLpa.AuthenticateServerRequestFrom(ia, matchingId).Encode());
        Assert.That(_c.Euicc.LastRefusal, Is.Null);
        return (await _c.AuthenticateClientAsync(tid, asr)).Code;
    }

    [Test]
    public async Task NominalAnswersProfileMetadataAndSmdpSigned2()
    {
        (int i, string mid) = await OrderAsync();
        (string tid, Es9Answer ac) = await _c.AuthenticatedAsync(mid);
        var md = StoreMetadataRequest.Decode(ac.Base64("profileMetadata"));
        Assert.That(md.Iccid.ToString(), Is.EqualTo(Es9Context.Iccid(i)));
        var s2 = SmdpSigned2.Decode(ac.Base64("smdpSigned2"));
        Assert.That(Convert.ToHexString(s2.TransactionId), Is.EqualTo(tid));
        Assert.That(s2.CcRequiredFlag, Is.False);
        Assert.That(s2.BppEuiccOtpk, Is.Null);
        Assert.That(RspCertificate.Parse(ac.Base64("smdpCertificate")).Policies, Does.Contain(RspCertificatePolicies.DpPb));
    }

    [Test]
    public async Task InvalidEumCertificate_8_1_2_6_1()
    {
        (_, string mid) = await OrderAsync();
        byte[] eum = (byte[])_c.Pki.Eum.Certificate.Der.Clone();
        eum[^1] ^= 0x01; // last byte of the signature: still DER, no longer verifies
        _c.Euicc.EumCertificate = RspCertificate.Parse(eum);
        Assert.That(await CodeFor(mid), Is.EqualTo("8.1.2 / 6.1"));
    }

    [Test]
    public async Task ExpiredEumCertificate_8_1_2_6_3()
    {
        (_, string mid) = await OrderAsync();
        _c.UseEuicc(_c.Double(PkiItem.EuiccUnderExpiredEum, PkiItem.ExpiredEum));
        Assert.That(await CodeFor(mid), Is.EqualTo("8.1.2 / 6.3"));
    }

    [Test]
    public async Task InvalidEuiccCertificate_8_1_3_6_1()
    {
        (_, string mid) = await OrderAsync();
        _c.UseEuicc(_c.Double(PkiItem.EuiccSignedByOtherEum, PkiItem.Eum));
        Assert.That(await CodeFor(mid), Is.EqualTo("8.1.3 / 6.1"));
    }

    [Test]
    public async Task ExpiredEuiccCertificate_8_1_3_6_3()
    {
        (_, string mid) = await OrderAsync();
        _c.UseEuicc(_c.Double(PkiItem.ExpiredEuicc, PkiItem.Eum));
        Assert.That(await CodeFor(mid), Is.EqualTo("8.1.3 / 6.3"));
    }

    [Test]
    public async Task EidOutsideEumRange_8_1_4_6_1()
    {
        (_, string mid) = await OrderAsync(eid: null);
        _c.UseEuicc(_c.Double(PkiItem.EuiccEidOutsideRange, PkiItem.Eum));
        Assert.That(await CodeFor(mid), Is.EqualTo("8.1.4 / 6.1"));
    }

    [Test]
    public async Task UnknownCi_8_11_1_3_9()
    {
        (_, string mid) = await OrderAsync();
        _c.UseEuicc(_c.Double(PkiItem.EuiccUnderUnknownCi, PkiItem.EumUnderUnknownCi));
        Assert.That(await CodeFor(mid), Is.EqualTo("8.11.1 / 3.9"));
    }

    [Test]
    public async Task InvalidEuiccSignature1_8_1_6_1()
    {
        (_, string mid) = await OrderAsync();
        (Es9Answer ia, string tid) = await _c.InitiateAsync();
        _c.Euicc.CorruptNextSignature = true;
        byte[] asr = _c.Euicc.AuthenticateServer(DownloadLpa.AuthenticateServerRequestFrom(ia, mid).Encode());
        Assert.That((await _c.AuthenticateClientAsync(tid, asr)).Code, Is.EqualTo("8.1 / 6.1"));
    }

    /// <summary>Re-signs euiccSigned1 after a change, as a faulty eUICC would send it.</summary>
    private async Task<string?> CodeForChangedSigned1(string mid, Func<EuiccSigned1, EuiccSigned1> change, string? outerTid = null)
    {
        (Es9Answer ia, string tid) = await _c.InitiateAsync();
        var asr = AuthenticateServerResponse.Decode(_c.Euicc.AuthenticateServer(DownloadLpa.AuthenticateServerRequestFrom(ia, mid).Encode()));
        AuthenticateResponseOk ok = asr.AuthenticateResponseOk!;
        EuiccSigned1 changed = change(ok.EuiccSigned1);
        byte[] der = changed.Encode();
        var resent = AuthenticateServerResponse.Ok(new AuthenticateResponseOk(changed, _c.EuiccSign(der), ok.EuiccCertificate, ok.EumCertificate));
        return (await _c.AuthenticateClientAsync(outerTid ?? tid, resent.Encode())).Code;
    }

    [Test]
    public async Task InvalidServerChallenge_8_1_6_1()
    {
        (_, string mid) = await OrderAsync();
        Assert.That(await CodeForChangedSigned1(mid, s => s with { ServerChallenge = new byte[16] }), Is.EqualTo("8.1 / 6.1"));
    }

    [Test]
    public async Task UnknownTransactionIdInJson_8_10_1_3_9()
    {
        (_, string mid) = await OrderAsync();
        Assert.That(await CodeForChangedSigned1(mid, s => s, outerTid: "00112233445566778899AABBCCDDEEFF"), Is.EqualTo("8.10.1 / 3.9"));
    }

    [Test]
    public async Task OtherTransactionIdInEuiccSigned1_8_10_1_3_9()
    {
        (_, string mid) = await OrderAsync();
        Assert.That(await CodeForChangedSigned1(mid, s => s with { TransactionId = new byte[16] }), Is.EqualTo("8.10.1 / 3.9"));
    }

    [Test]
    public async Task InvalidMatchingId_8_2_6_3_8() => Assert.That(await CodeFor("NO-SUCH-MATCHING-ID"), Is.EqualTo("8.2.6 / 3.8"));

    [Test]
    public async Task EidMismatch_8_1_1_3_8()
    {
        (_, string mid) = await OrderAsync(eid: "89049032123451234512345678901999");
        Assert.That(await CodeFor(mid), Is.EqualTo("8.1.1 / 3.8"));
    }

    [Test]
    public async Task ProfileNotReleased_8_2_1_2()
    {
        (_, string mid) = await OrderAsync(state: SmdpProfileState.Confirmed);
        Assert.That(await CodeFor(mid), Is.EqualTo("8.2 / 1.2"));
    }

    [Test]
    public async Task NoEligibleProfile_8_2_5_4_3()
    {
        await _c.Store.AddPoolAsync("EMPTY-POOL", "NoSuchType");
        Assert.That(await CodeFor("EMPTY-POOL"), Is.EqualTo("8.2.5 / 4.3"));
    }

    [Test]
    public async Task DownloadOrderExpired_8_8_5_4_10()
    {
        (_, string mid) = await OrderAsync(expires: DateTimeOffset.UtcNow.AddMinutes(-1));
        Assert.That(await CodeFor(mid), Is.EqualTo("8.8.5 / 4.10"));
    }

    [Test]
    public async Task DownloadRetriesExceeded_8_8_5_6_4()
    {
        (_, string mid) = await OrderAsync(attempts: 1);
        await _c.AuthenticatedAsync(mid);
        Assert.That(await CodeFor(mid), Is.EqualTo("8.8.5 / 6.4"));
    }

    [Test]
    public async Task DefaultSmdpAddressWithoutMatchingIdFindsTheEidsOrder()
    {
        (int i, _) = await OrderAsync(eid: Es9Context.Eid);
        await using (StoreTransaction tx = await _c.Store.BeginAsync())
        {
            await tx.SaveOrderAsync((await tx.GetOrderAsync(Es9Context.Iccid(i)))! with { MatchingId = "" });
            await tx.CommitAsync();
        }
        DownloadOutcome outcome = await _c.Lpa.DownloadAsync(null);
        Assert.That(outcome.Installed, Is.True, outcome.ToString());
        Assert.That(_c.Euicc.LastInstall!.Iccid, Is.EqualTo(Es9Context.Iccid(i)));
    }

    [Test]
    public async Task SecondAttemptAfterAFailureOffersTheEarlierOneTimeKey()
    {
        (_, string mid) = await OrderAsync();
        (string tid, byte[] pdr) = await _c.PreparedAsync(mid);
        Assert.That((await _c.GetBppAsync(tid, pdr)).Succeeded, Is.True);
        byte[] firstOtpk = _c.Euicc.OneTimePublicKey!;
        // The LPA lost the BPP: a new session for the same order.
        (_, Es9Answer ac) = await _c.AuthenticatedAsync(mid);
        Assert.That(SmdpSigned2.Decode(ac.Base64("smdpSigned2")).BppEuiccOtpk, Is.EqualTo(firstOtpk));
    }
}
