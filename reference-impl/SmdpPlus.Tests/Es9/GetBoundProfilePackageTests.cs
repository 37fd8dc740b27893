using Conformance.Rsp.Asn1.Messages;
using Conformance.SmdpPlus.Store;
using Conformance.SmdpPlus.Tests.Support;
using Conformance.SmdpPlus.Tests.Doubles;

namespace Conformance.SmdpPlus.Tests.Es9;

/// <summary>ES9+.GetBoundProfilePackage status codes and rebinding (SGP.22 v2.5 §5.6.2; SGP.23 §4.3.13).</summary>
public class GetBoundProfilePackageTests
{
    private Es9Context _c = null!;
    private int _next = 200;

    [OneTimeSetUp]
    public async Task Start() => _c = await Es9Context.StartAsync(configure: o => o with { MetadataSegmentSize = 40 });

    [OneTimeTearDown]
    public async Task Stop() => await _c.DisposeAsync();

    [SetUp]
    public void FreshEuicc() => _c.UseEuicc(TestDoubleEuicc.For(_c.Pki));

    private async Task<string> OrderAsync(string? cc = null, int ccAttempts = 3)
    {
        int i = Interlocked.Increment(ref _next);
        await _c.ReleasedOrderAsync(i, confirmationCode: cc, ccAttempts: ccAttempts);
        return $"MATCH-{i:D5}";
    }

    [Test]
    public async Task MetadataIsSplitOverSeveral88SegmentsAndEqualsProfileMetadata()
    {
        string mid = await OrderAsync();
        (string tid, Es9Answer ac) = await _c.AuthenticatedAsync(mid);
        byte[] pdr = _c.Euicc.PrepareDownload(DownloadLpa.PrepareDownloadRequestFrom(ac, tid, null).Encode());
        Es9Answer gb = await _c.GetBppAsync(tid, pdr);
        Assert.That(gb.Succeeded, Is.True, gb.Code);
        var pir = ProfileInstallationResult.Decode(_c.Euicc.LoadBoundProfilePackage(gb.Base64("boundProfilePackage")));
        Assert.That(pir.ProfileInstallationResultData.SuccessResult, Is.Not.Null, _c.Euicc.LastRefusal);
        Assert.That(_c.Euicc.LastInstall!.MetadataSegments, Is.GreaterThan(1));
        Assert.That(_c.Euicc.LastInstall.MetadataDer, Is.EqualTo(ac.Base64("profileMetadata")));
    }

    [Test]
    public async Task InvalidEuiccSignature2_8_1_6_1()
    {
        string mid = await OrderAsync();
        (string tid, Es9Answer ac) = await _c.AuthenticatedAsync(mid);
        _c.Euicc.CorruptNextSignature = true;
        byte[] pdr = _c.Euicc.PrepareDownload(DownloadLpa.PrepareDownloadRequestFrom(ac, tid, null).Encode());
        Assert.That((await _c.GetBppAsync(tid, pdr)).Code, Is.EqualTo("8.1 / 6.1"));
    }

    [Test]
    public async Task UnknownTransactionIdInJson_8_10_1_3_9()
    {
        (_, byte[] pdr) = await _c.PreparedAsync(await OrderAsync());
        Assert.That((await _c.GetBppAsync("0A0B0C", pdr)).Code, Is.EqualTo("8.10.1 / 3.9"));
    }

    [Test]
    public async Task OtherTransactionIdInEuiccSigned2_8_10_1_3_9()
    {
        string mid = await OrderAsync();
        (string tid, Es9Answer ac) = await _c.AuthenticatedAsync(mid);
        var ok = PrepareDownloadResponse.Decode(_c.Euicc.PrepareDownload(DownloadLpa.PrepareDownloadRequestFrom(ac, tid, null).Encode())).DownloadResponseOk!;
        EUICCSigned2 changed = ok.EuiccSigned2 with { TransactionId = new byte[16] };
        byte[] der = changed.Encode();
        byte[] sig = _c.EuiccSign([.. der, .. ac.Base64("smdpSignature2")]);
        byte[] pdr = PrepareDownloadResponse.Ok(new PrepareDownloadResponseOk(changed, sig)).Encode();
        Assert.That((await _c.GetBppAsync(tid, pdr)).Code, Is.EqualTo("8.10.1 / 3.9"));
    }

    [Test]
    public async Task ConfirmationCodeMissing_8_2_7_2_2()
    {
        (string tid, byte[] pdr) = await _c.PreparedAsync(await OrderAsync(cc: "2468"), cc: null);
        Assert.That((await _c.GetBppAsync(tid, pdr)).Code, Is.EqualTo("8.2.7 / 2.2"));
    }

    [Test]
    public async Task ConfirmationCodeRefused_8_2_7_3_8()
    {
        (string tid, byte[] pdr) = await _c.PreparedAsync(await OrderAsync(cc: "2468"), cc: "1111");
        Assert.That((await _c.GetBppAsync(tid, pdr)).Code, Is.EqualTo("8.2.7 / 3.8"));
    }

    [Test]
    public async Task ConfirmationCodeRetriesExceeded_8_2_7_6_4()
    {
        string mid = await OrderAsync(cc: "2468", ccAttempts: 2);
        (string tid, byte[] pdr) = await _c.PreparedAsync(mid, cc: "1111");
        Assert.That((await _c.GetBppAsync(tid, pdr)).Code, Is.EqualTo("8.2.7 / 3.8"));
        (tid, pdr) = await _c.PreparedAsync(mid, cc: "2222");
        Assert.That((await _c.GetBppAsync(tid, pdr)).Code, Is.EqualTo("8.2.7 / 6.4"));
        (tid, pdr) = await _c.PreparedAsync(mid, cc: "2468");
        Assert.That((await _c.GetBppAsync(tid, pdr)).Code, Is.EqualTo("8.2.7 / 6.4"), "no attempt left, even with the right code");
    }

    [Test]
    public async Task SameSessionAskingAgainGetsTheSameBinding()
    {
        (string tid, byte[] pdr) = await _c.PreparedAsync(await OrderAsync());
        var first = BoundProfilePackage.Decode((await _c.GetBppAsync(tid, pdr)).Base64("boundProfilePackage"));
        Es9Answer again = await _c.GetBppAsync(tid, pdr);
        Assert.That(again.Succeeded, Is.True, again.Code);
        var second = BoundProfilePackage.Decode(again.Base64("boundProfilePackage"));
        Assert.That(second.InitialiseSecureChannelRequest.SmdpOtpk, Is.EqualTo(first.InitialiseSecureChannelRequest.SmdpOtpk));
        Assert.That(second.SequenceOf86.Select(s => s.ToArray()), Is.EqualTo(first.SequenceOf86.Select(s => s.ToArray())), "same keys, same protected profile");
        var pir = ProfileInstallationResult.Decode(_c.Euicc.LoadBoundProfilePackage(again.Base64("boundProfilePackage")));
        Assert.That(pir.ProfileInstallationResultData.SuccessResult, Is.Not.Null, _c.Euicc.LastRefusal);
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task RetryRebindsWithTheSameOrANewOneTimeKey(bool reuse)
    {
        string mid = await OrderAsync();
        (string tid, byte[] pdr) = await _c.PreparedAsync(mid);
        var first = BoundProfilePackage.Decode((await _c.GetBppAsync(tid, pdr)).Base64("boundProfilePackage"));
        _c.Euicc.ReuseOneTimeKey = reuse;
        (tid, pdr) = await _c.PreparedAsync(mid);
        Es9Answer again = await _c.GetBppAsync(tid, pdr);
        Assert.That(again.Succeeded, Is.True, again.Code);
        var second = BoundProfilePackage.Decode(again.Base64("boundProfilePackage"));
        Assert.That(Convert.ToHexString(second.InitialiseSecureChannelRequest.TransactionId), Is.EqualTo(tid));
        Assert.That(second.InitialiseSecureChannelRequest.SmdpOtpk.AsSpan().SequenceEqual(first.InitialiseSecureChannelRequest.SmdpOtpk), Is.EqualTo(reuse),
            "otPK.DP.ECKA is reused exactly when the eUICC reuses otPK.EUICC.ECKA");
        var pir = ProfileInstallationResult.Decode(_c.Euicc.LoadBoundProfilePackage(again.Base64("boundProfilePackage")));
        Assert.That(pir.ProfileInstallationResultData.SuccessResult, Is.Not.Null, _c.Euicc.LastRefusal);
        Assert.That((await _c.NotifyAsync(pir.Encode())).HttpStatus, Is.EqualTo(System.Net.HttpStatusCode.NoContent));
        Assert.That((await _c.Store.GetProfileAsync(_c.Euicc.LastInstall!.Iccid))!.State, Is.EqualTo(SmdpProfileState.Installed));
    }
}
