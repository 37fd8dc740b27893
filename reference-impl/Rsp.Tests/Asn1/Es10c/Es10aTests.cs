using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Rsp.Tests.Asn1;

/// <summary>ES10a records (SGP.22 v2.2.2 §5.7.3, §5.7.4), vectors written from the ASN.1 text.</summary>
public class Es10aTests
{
    private static readonly string Addresses = Tlv.Of("BF3C", Tlv.Utf8("80", "dp.example.com"), Tlv.Utf8("81", "ds.example.com"));

    [Test]
    public void EuiccConfiguredAddresses()
    {
        Assert.That(Tlv.HexOf(new EuiccConfiguredAddressesRequest().Encode()), Is.EqualTo("BF3C00"));
        Assert.That(EuiccConfiguredAddressesRequest.Decode(Tlv.Bytes("BF3C00")).Extensions, Is.Empty);
        Malformed.CheckFraming(d => EuiccConfiguredAddressesRequest.Decode(d), "BF3C00", "EuiccConfiguredAddressesRequest");

        var m = EuiccConfiguredAddressesResponse.Decode(Tlv.Bytes(Addresses));
        Assert.Multiple(() =>
        {
            Assert.That(m.DefaultDpAddress, Is.EqualTo("dp.example.com"));
            Assert.That(m.RootDsAddress, Is.EqualTo("ds.example.com"));
            Assert.That(Tlv.HexOf(new EuiccConfiguredAddressesResponse("dp.example.com", "ds.example.com").Encode()), Is.EqualTo(Addresses));
            Assert.That(EuiccConfiguredAddressesResponse.Decode(Tlv.Bytes(Tlv.Of("BF3C", Tlv.Utf8("81", "ds")))).DefaultDpAddress, Is.Null);
        });
        Malformed.CheckFraming(d => EuiccConfiguredAddressesResponse.Decode(d), Addresses, "EuiccConfiguredAddressesResponse");
        var e = Tlv.Fails(() => EuiccConfiguredAddressesResponse.Decode(Tlv.Bytes(Tlv.Of("BF3C", Tlv.Utf8("80", "dp")))), "EuiccConfiguredAddressesResponse", 7);
        Assert.That(e.Problem, Is.EqualTo("missing mandatory rootDsAddress"));
        string ext = Tlv.Of("BF3C", Tlv.Utf8("81", "ds"), "9F7F0101");
        Assert.That(Tlv.HexOf(EuiccConfiguredAddressesResponse.Decode(Tlv.Bytes(ext)).Encode()), Is.EqualTo(ext));
    }

    [Test]
    public void SetDefaultDpAddress()
    {
        string hex = Tlv.Of("BF3F", Tlv.Utf8("80", "dp.example.com"));
        Assert.That(SetDefaultDpAddressRequest.Decode(Tlv.Bytes(hex)).DefaultDpAddress, Is.EqualTo("dp.example.com"));
        Assert.That(Tlv.HexOf(new SetDefaultDpAddressRequest("dp.example.com").Encode()), Is.EqualTo(hex));
        Malformed.CheckFraming(d => SetDefaultDpAddressRequest.Decode(d), hex, "SetDefaultDpAddressRequest");
        Tlv.Fails(() => SetDefaultDpAddressRequest.Decode(Tlv.Bytes("BF3F00")), "SetDefaultDpAddressRequest", 3);

        Assert.That(SetDefaultDpAddressResponse.Decode(Tlv.Bytes("BF3F0380017F")).SetDefaultDpAddressResult, Is.EqualTo(SetDefaultDpAddressResult.undefinedError));
        Assert.That(Tlv.HexOf(new SetDefaultDpAddressResponse(SetDefaultDpAddressResult.ok).Encode()), Is.EqualTo("BF3F03800100"));
        Malformed.CheckFraming(d => SetDefaultDpAddressResponse.Decode(d), "BF3F03800100", "SetDefaultDpAddressResponse");
        Tlv.Fails(() => SetDefaultDpAddressResponse.Decode(Tlv.Bytes("BF3F00")), "SetDefaultDpAddressResponse", 3);
    }
}
