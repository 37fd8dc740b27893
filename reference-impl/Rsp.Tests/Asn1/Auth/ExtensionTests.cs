using Conformance.Rsp.Asn1.Messages;
using V = Conformance.Rsp.Tests.Asn1.Auth.SpecVectors;

namespace Conformance.Rsp.Tests.Asn1.Auth;

/// <summary>Components added by later SGP.22 versions are kept and re-emitted unchanged (EXTENSIBILITY IMPLIED).</summary>
public class ExtensionTests
{
    [Test]
    public void DeviceCapabilitiesKeepsComponentsNotDecodedByV2()
    {
        // lpaSvn [11] decoded; catSupportedClasses [12], euiccFormFactorType [13],
        // deviceAdditionalFeatureSupport [14] { naiSupport [0] } kept.
        byte[] caps = V.Tlv("30", V.Tlv("85", V.H("0F0000")), V.Tlv("8B", V.H("020500")),
            V.Tlv("8C", V.H("0780")), V.Tlv("8D", V.H("01")), V.Tlv("AE", V.Tlv("80", V.H("010000"))));
        DeviceCapabilities decoded = DeviceCapabilities.Decode(caps);
        Assert.Multiple(() =>
        {
            Assert.That(decoded.LpaSvn, Is.EqualTo(new VersionType(2, 5, 0)));
            Assert.That(decoded.Extensions.Select(e => Tags(e)), Is.EqualTo(new[] { "8C", "8D", "AE" }));
            Assert.That(decoded.Encode(), Is.EqualTo(caps));
        });
    }

    [Test]
    public void TopLevelExtensionsRoundTrip()
    {
        byte[] info1 = [.. V.H(V.RealEuiccInfo1)];
        byte[] extended = V.Tlv("BF20", V.H(V.RealEuiccInfo1)[3..], V.Tlv("8B", V.H("030000")), V.Tlv("BF2A", V.Tlv("80", V.H("00"))));
        EUICCInfo1 decoded = EUICCInfo1.Decode(extended);
        Assert.Multiple(() =>
        {
            Assert.That(decoded.Svn.ToString(), Is.EqualTo("2.3.0"));
            Assert.That(decoded.Extensions, Has.Count.EqualTo(2));
            Assert.That(decoded.Encode(), Is.EqualTo(extended));
            Assert.That((decoded with { Extensions = [] }).Encode(), Is.EqualTo(info1));
        });
    }

    [Test]
    public void EmptyRequestWithExtensionRoundTrips()
    {
        byte[] der = V.Tlv("BF22", V.Tlv("80", V.H("01")));
        Assert.That(GetEuiccInfo2Request.Decode(der).Encode(), Is.EqualTo(der));
    }

    [Test]
    public void UnknownCtxParams1AlternativeIsKept()
    {
        // A later version's ctxParams alternative [1]: kept whole inside the signed euiccSigned1.
        byte[] unknownCtx = V.Tlv("A1", V.Tlv("80", V.H("AA")));
        byte[] signed = V.Tlv("30", V.Tlv("80", V.TxId), V.Tlv("83", V.U(V.Address)), V.Tlv("84", V.ServerChallenge), V.EuiccInfo2(), unknownCtx);
        EuiccSigned1 decoded = EuiccSigned1.Decode(signed);
        Assert.Multiple(() =>
        {
            Assert.That(decoded.CtxParams1.CtxParamsForCommonAuthentication, Is.Null);
            Assert.That(decoded.CtxParams1.Unknown!.Value.Encoded.ToArray(), Is.EqualTo(unknownCtx));
            Assert.That((decoded with { }).Encode(), Is.EqualTo(signed));
        });
    }

    [Test]
    public void EuiccInfo2WithOnlyMandatoryFieldsRoundTrips()
    {
        byte[] der = V.Tlv("BF22", V.Tlv("81", V.H("020100")), V.Tlv("82", V.H("020202")), V.Tlv("83", V.H("010000")),
            V.Tlv("84", V.H("00")), V.Tlv("85", V.H("0000")), V.Tlv("88", V.H("00")), V.Tlv("A9"), V.Tlv("AA"),
            V.Tlv("04", V.H("000000")), V.Tlv("0C"));
        EUICCInfo2 info = EUICCInfo2.Decode(der);
        Assert.Multiple(() =>
        {
            Assert.That(info.Ts102241Version, Is.Null);
            Assert.That(info.TreProperties, Is.Null);
            Assert.That(info.AdditionalEuiccProfilePackageVersions, Is.Null);
            Assert.That(info.SasAcreditationNumber, Is.Empty);
            Assert.That(info.RspCapability.BitLength, Is.Zero);
            Assert.That(info.Encode(), Is.EqualTo(der));
        });
    }

    private static string Tags(Conformance.Rsp.Asn1.Asn1Element e) => Conformance.Rsp.Asn1.Tags.Hex(e.Tag);
}
