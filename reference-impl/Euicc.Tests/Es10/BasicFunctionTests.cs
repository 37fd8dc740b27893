using Conformance.Euicc.Apdu;
using Conformance.Euicc.Card;
using Conformance.Euicc.Tests.Support;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Euicc.Tests.Es10;

/// <summary>ES10a addresses, ES10b GetEUICCInfo and GetRAT, ES10c GetEID, and how undecodable commands are answered.</summary>
public class BasicFunctionTests
{
    [Test]
    public async Task GetEidIsTheSerialNumberOfTheEuiccCertificate()
    {
        await using TestCard card = await TestCard.OpenAsync();
        GetEuiccDataResponse r = GetEuiccDataResponse.Decode(await card.Es10(GetEuiccDataRequest.ForEid().Encode()));
        Assert.That(r.Eid, Is.EqualTo(TestCard.Nist.Euicc.Certificate.SubjectSerialNumber));
        Assert.That(r.Eid, Is.EqualTo("89049032123451234512345678901235"));
        Assert.That(await card.Es10Status(new GetEuiccDataRequest([0x4F]).Encode()), Is.EqualTo(StatusWords.ReferencedDataNotFound));
    }

    [TestCase("2.2.2")]
    [TestCase("2.3.0")]
    [TestCase("2.5.0")]
    public async Task EuiccInfoCarriesTheSelectedSvnAndTheCiPkIds(string svn)
    {
        await using TestCard card = await TestCard.OpenAsync(new EuiccOptions { Svn = VersionType.Parse(svn) });
        EUICCInfo1 info1 = EUICCInfo1.Decode(await card.Es10(new GetEuiccInfo1Request().Encode()));
        byte[][] cis = TestCard.Pki.Curves.Select(c => c.Ci.Certificate.SubjectKeyIdentifier!).ToArray();
        Assert.That(info1.Svn.ToString(), Is.EqualTo(svn));
        Assert.That(info1.EuiccCiPKIdListForVerification, Is.EqualTo(cis));
        Assert.That(info1.EuiccCiPKIdListForSigning, Is.EqualTo(cis));
        EUICCInfo2 info2 = EUICCInfo2.Decode(await card.Es10(new GetEuiccInfo2Request().Encode()));
        Assert.That(info2.Svn.ToString(), Is.EqualTo(svn));
        Assert.That(info2.EuiccCiPKIdListForSigning, Is.EqualTo(cis));
        Assert.That(info2.RspCapability.Has(RspCapability.crlSupport));
        Assert.That(info2.TreProperties is not null, Is.EqualTo(svn != "2.2.2"), "treProperties from v2.3");
    }

    [Test]
    public void UnknownSvnIsRefused() =>
        Assert.Throws<ArgumentException>(() => new Euicc.Es10.Es10Handler(TestCard.Identity, new EuiccOptions { Svn = new VersionType(2, 1, 0) }));

    [Test]
    public async Task ConfiguredAddresses()
    {
        await using TestCard card = await TestCard.OpenAsync(new EuiccOptions { RootSmdsAddress = "root.example.com" });
        var r = EuiccConfiguredAddressesResponse.Decode(await card.Es10(new EuiccConfiguredAddressesRequest().Encode()));
        Assert.That((r.DefaultDpAddress, r.RootDsAddress), Is.EqualTo(((string?)null, "root.example.com")));
        var set = SetDefaultDpAddressResponse.Decode(await card.Es10(new SetDefaultDpAddressRequest("smdp.example.com").Encode()));
        Assert.That(set.SetDefaultDpAddressResult, Is.EqualTo(SetDefaultDpAddressResult.ok));
        r = EuiccConfiguredAddressesResponse.Decode(await card.Es10(new EuiccConfiguredAddressesRequest().Encode()));
        Assert.That(r.DefaultDpAddress, Is.EqualTo("smdp.example.com"));
        await card.Es10(new SetDefaultDpAddressRequest("").Encode());
        r = EuiccConfiguredAddressesResponse.Decode(await card.Es10(new EuiccConfiguredAddressesRequest().Encode()));
        Assert.That(r.DefaultDpAddress, Is.Null, "an empty address removes it");
    }

    [Test]
    public async Task DefaultRatAllowsPpr1AndPpr2ForAnyOperator()
    {
        await using TestCard card = await TestCard.OpenAsync();
        GetRatResponse rat = GetRatResponse.Decode(await card.Es10(new GetRatRequest().Encode()));
        Assert.That(rat.Rat, Has.Count.EqualTo(1));
        Assert.That(rat.Rat[0].PprIds.SetBits, Is.EqualTo(new[] { 1, 2 }));
        Assert.That(rat.Rat[0].AllowedOperators.Single().MccMnc, Is.EqualTo(new byte[] { 0xEE, 0xEE, 0xEE }));
    }

    [TestCase("BF7F00", 0x6A88, TestName = "well-formed command of no ES10 function: 6A88")]
    [TestCase("BF2E", 0x6A80, TestName = "tag without length: 6A80")]
    [TestCase("BF2E0500", 0x6A80, TestName = "length beyond the data: 6A80")]
    [TestCase("BF2E0000", 0x6A80, TestName = "trailing bytes after the TLV: 6A80")]
    [TestCase("BF3E045C025A5A", 0x6A80, TestName = "decodable TLV, invalid request (tagList of 2 bytes): 6A80")]
    [TestCase("BF3E035A015A", 0x6A80, TestName = "wrong inner tag: 6A80")]
    [TestCase("BF318100", 0x6A80, TestName = "non-minimal DER length: 6A80")]
    [TestCase("A003870100", 0x6985, TestName = "BPP sequence with no installation in progress: 6985")]
    [TestCase("BF3603BF2300", 0x6985, TestName = "BPP before PrepareDownload: 6985")]
    public async Task UndecodableOrUnknownCommandsAnswerAStatusWord(string command, int sw)
    {
        await using TestCard card = await TestCard.OpenAsync();
        Assert.That((await card.Es10Status(Convert.FromHexString(command))).Value, Is.EqualTo(sw));
    }
}
