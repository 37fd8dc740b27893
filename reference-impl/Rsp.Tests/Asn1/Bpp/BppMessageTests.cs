using Conformance.Rsp.Asn1;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Rsp.Tests.Asn1;

/// <summary>ES8+ records carried in the BPP (SGP.22 v2.2.2 §5.5): known bytes from the shared BSP vectors and the ASN.1 text.</summary>
public class BppMessageTests
{
    // Plain texts of the shared BSP vectors (fixtures/vectors/bsp.json, "segments").
    private const string ConfigureIsdpVector = "bf2400";
    private const string StoreMetadataVector = "bf252d5a0a98001032547698103214910947534d415f54455354921147534d415f544553545f50524f46494c45950100";
    private const string ReplaceSessionKeysVector = "bf26368010000102030405060708090a0b0c0d0e0f8110010102030405060708090a0b0c0d0e0f8210020102030405060708090a0b0c0d0e0f";

    private static readonly string FullStoreMetadata = Tlv.Of("BF25",
        "5A0A98001032547698103214",
        Tlv.Utf8("91", "Operator"),
        Tlv.Utf8("92", "Profile"),
        "930101",
        "9402FFD8",
        "950102",
        Tlv.Of("B6", Tlv.Of("30", "80020780", Tlv.Utf8("81", "smdp.example.com"))),
        Tlv.Of("B7", "800321F354", "8101AA"),
        "99020640");

    [Test]
    public void ConfigureIsdpVectorDecodesAndReencodes()
    {
        var m = ConfigureISDPRequest.Decode(Tlv.Bytes(ConfigureIsdpVector));
        Assert.That(m.DpProprietaryData, Is.Null);
        Assert.That(Tlv.HexOf(m.Encode()), Is.EqualTo(ConfigureIsdpVector.ToUpperInvariant()));
    }

    [Test]
    public void ConfigureIsdpWithDpProprietaryDataKeepsAdditionalObjects()
    {
        // dpOid 2.999.1 is 06 03 88 37 01; "additional data objects defined by the SM-DP+ MAY follow".
        string hex = Tlv.Of("BF24", Tlv.Of("B8", "0603883701", "0401AA"));
        var m = ConfigureISDPRequest.Decode(Tlv.Bytes(hex));
        Assert.That(m.DpProprietaryData!.DpOid, Is.EqualTo("2.999.1"));
        Assert.That(m.DpProprietaryData.AdditionalData, Has.Count.EqualTo(1));
        Assert.That(Tlv.HexOf(m.Encode()), Is.EqualTo(hex));
        var built = new ConfigureISDPRequest(new DpProprietaryData("2.999.1"));
        Assert.That(Tlv.HexOf(built.Encode()), Is.EqualTo(Tlv.Of("BF24", Tlv.Of("B8", "0603883701"))));
        Malformed.CheckFraming(d => ConfigureISDPRequest.Decode(d), hex, "ConfigureISDPRequest");
        Tlv.Fails(() => ConfigureISDPRequest.Decode(Tlv.Bytes("BF2402B800")), "DpProprietaryData", 5);
    }

    [Test]
    public void StoreMetadataVectorDecodes()
    {
        var m = StoreMetadataRequest.Decode(Tlv.Bytes(StoreMetadataVector));
        Assert.Multiple(() =>
        {
            Assert.That(m.Iccid.ToString(), Is.EqualTo("89000123456789012341"));
            Assert.That(m.ServiceProviderName, Is.EqualTo("GSMA_TEST"));
            Assert.That(m.ProfileName, Is.EqualTo("GSMA_TEST_PROFILE"));
            Assert.That(m.ProfileClass, Is.EqualTo(ProfileClass.test));
            Assert.That(m.EffectiveProfileClass, Is.EqualTo(ProfileClass.test));
            Assert.That(m.EncodesDefaultProfileClass, Is.False);
            Assert.That(m.IconType, Is.Null);
            Assert.That(Tlv.HexOf(m.Encode()), Is.EqualTo(StoreMetadataVector.ToUpperInvariant()));
        });
    }

    [Test]
    public void StoreMetadataBuiltInCodeMatchesTheAsn1Text()
    {
        var m = new StoreMetadataRequest(Iccid.FromString("89000123456789012341"), "Operator", "Profile")
        {
            IconType = IconType.png,
            Icon = [0xFF, 0xD8],
            ProfileClass = ProfileClass.operational,
            NotificationConfigurationInfo = [new(NamedBitList.Of(NotificationEvent.notificationInstall), "smdp.example.com")],
            ProfileOwner = new OperatorId([0x21, 0xF3, 0x54], Gid1: [0xAA]),
            ProfilePolicyRules = NamedBitList.Of(PprId.ppr1),
        };
        Assert.That(Tlv.HexOf(m.Encode()), Is.EqualTo(FullStoreMetadata));
        var back = StoreMetadataRequest.Decode(m.Encode());
        Assert.Multiple(() =>
        {
            Assert.That(Tlv.HexOf(back.Encode()), Is.EqualTo(FullStoreMetadata));
            Assert.That(back.EncodesDefaultProfileClass, Is.True, "95 01 02 is kept as sent");
            Assert.That(back.ProfilePolicyRules!.IsSet(PprId.ppr1), Is.True);
            Assert.That(back.ProfilePolicyRules.IsSet(PprId.ppr2), Is.False);
            Assert.That(back.NotificationConfigurationInfo![0].NotificationAddress, Is.EqualTo("smdp.example.com"));
            Assert.That(back.ProfileOwner!.Gid1, Is.EqualTo(new byte[] { 0xAA }));
        });
    }

    [Test]
    public void StoreMetadataAbsentProfileClassMeansOperational()
    {
        var m = new StoreMetadataRequest(Iccid.FromString("8900012345678901234"), "", "");
        var back = StoreMetadataRequest.Decode(m.Encode());
        Assert.That(back.ProfileClass, Is.Null);
        Assert.That(back.EffectiveProfileClass, Is.EqualTo(ProfileClass.operational));
        Assert.That(Tlv.HexOf(m.Encode()), Is.EqualTo(Tlv.Of("BF25", "5A0A980010325476981032F4", "9100", "9200")));
    }

    [Test]
    public void StoreMetadataMalformed()
    {
        Malformed.CheckFraming(d => StoreMetadataRequest.Decode(d), FullStoreMetadata, "StoreMetadataRequest");
        // profileName missing: the 95 comes where 92 is mandatory (offset: BF25 2D, 5A 0A + 10, 91 09 + 9).
        string noName = Tlv.Of("BF25", "5A0A98001032547698103214", Tlv.Utf8("91", "GSMA_TEST"), "950100");
        var e = Tlv.Fails(() => StoreMetadataRequest.Decode(Tlv.Bytes(noName)), "StoreMetadataRequest", 3 + 12 + 11);
        Assert.That(e.Problem, Does.Contain("profileName"));
        // ICCID of 9 bytes.
        Tlv.Fails(() => StoreMetadataRequest.Decode(Tlv.Bytes(Tlv.Of("BF25", "5A09980010325476981032", "9100", "9200"))), "StoreMetadataRequest", 3);
        // A root component out of order is not an extension.
        string outOfOrder = Tlv.Of("BF25", "5A0A98001032547698103214", "9100", "9200", "950100", "930100");
        e = Tlv.Fails(() => StoreMetadataRequest.Decode(Tlv.Bytes(outOfOrder)), "StoreMetadataRequest");
        Assert.That(e.Problem, Does.Contain("out of order"));
        // serviceProviderName over 32 characters.
        string longSpn = Tlv.Of("BF25", "5A0A98001032547698103214", Tlv.Utf8("91", new string('x', 33)), "9200");
        Tlv.Fails(() => StoreMetadataRequest.Decode(Tlv.Bytes(longSpn)), "StoreMetadataRequest", 15);
    }

    [Test]
    public void StoreMetadataUnknownExtensionSurvives()
    {
        string hex = Tlv.Of("BF25", "5A0A98001032547698103214", "9100", "9200", "9F7F03010203");
        var m = StoreMetadataRequest.Decode(Tlv.Bytes(hex));
        Assert.That(m.Extensions, Has.Count.EqualTo(1));
        Assert.That(Tlv.HexOf(m.Encode()), Is.EqualTo(hex));
    }

    [Test]
    public void ReplaceSessionKeysVectorDecodes()
    {
        var m = ReplaceSessionKeysRequest.Decode(Tlv.Bytes(ReplaceSessionKeysVector));
        Assert.Multiple(() =>
        {
            Assert.That(Tlv.HexOf(m.InitialMacChainingValue), Is.EqualTo("000102030405060708090A0B0C0D0E0F"));
            Assert.That(Tlv.HexOf(m.PpkEnc), Is.EqualTo("010102030405060708090A0B0C0D0E0F"));
            Assert.That(Tlv.HexOf(m.PpkCmac), Is.EqualTo("020102030405060708090A0B0C0D0E0F"));
        });
        var built = new ReplaceSessionKeysRequest(m.InitialMacChainingValue, m.PpkEnc, m.PpkCmac);
        Assert.That(Tlv.HexOf(built.Encode()), Is.EqualTo(ReplaceSessionKeysVector.ToUpperInvariant()));
        Malformed.CheckFraming(d => ReplaceSessionKeysRequest.Decode(d), ReplaceSessionKeysVector, "ReplaceSessionKeysRequest");
        // ppkCmac missing.
        string missing = ReplaceSessionKeysVector[..4] + "24" + ReplaceSessionKeysVector[6..(6 + 72)];
        var e = Tlv.Fails(() => ReplaceSessionKeysRequest.Decode(Tlv.Bytes(missing)), "ReplaceSessionKeysRequest", 3 + 36);
        Assert.That(e.Problem, Does.Contain("ppkCmac"));
    }

    [Test]
    public void IccidPrintsAndParsesTheSwappedNibbleForm()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Tlv.HexOf(Iccid.FromString("89000123456789012341").Value), Is.EqualTo("98001032547698103214"));
            Assert.That(Tlv.HexOf(Iccid.FromString("8900012345678901234").Value), Is.EqualTo("980010325476981032F4"));
            Assert.That(new Iccid(Tlv.Bytes("980010325476981032F4")).ToString(), Is.EqualTo("8900012345678901234"));
            Assert.That(Iccid.FromString("89000123456789012341"), Is.EqualTo(new Iccid(Tlv.Bytes("98001032547698103214"))));
            Assert.Throws<FormatException>(() => Iccid.FromString("89A0"));
            Assert.Throws<FormatException>(() => Iccid.FromString("890001234567890123456"));
        });
    }

    [Test]
    public void NamedBitListBuildsTheDerForm()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Tlv.HexOf(Conformance.Rsp.Asn1.Der.Encode(w => NamedBitList.Of(0).Write(w, Tags.BitString))), Is.EqualTo("03020780"));
            Assert.That(Tlv.HexOf(Conformance.Rsp.Asn1.Der.Encode(w => NamedBitList.Of(0, 1, 2).Write(w, Tags.BitString))), Is.EqualTo("030205E0"));
            Assert.That(Tlv.HexOf(Conformance.Rsp.Asn1.Der.Encode(w => NamedBitList.Of().Write(w, Tags.BitString))), Is.EqualTo("030100"));
            Assert.That(new NamedBitList([0x80], 4).IsDerMinimal, Is.False);
            Assert.That(NamedBitList.Of(3).IsDerMinimal, Is.True);
            Assert.That(NamedBitList.Of(1, 3).SetBits, Is.EqualTo(new[] { 1, 3 }));
        });
    }
}
