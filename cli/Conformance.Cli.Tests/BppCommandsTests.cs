using Conformance.Cli.Commands;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Bsp;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Saip;

namespace Conformance.Cli.Tests;

public class BppCommandsTests
{
    private static readonly SessionKeys Keys = new(Enumerable.Repeat((byte)0x11, 16).ToArray(), Enumerable.Repeat((byte)0x22, 16).ToArray(), Enumerable.Repeat((byte)0x33, 16).ToArray());
    private static readonly SessionKeys Ppk = new(Enumerable.Repeat((byte)0x44, 16).ToArray(), Enumerable.Repeat((byte)0x55, 16).ToArray(), Enumerable.Repeat((byte)0x66, 16).ToArray());
    private const string ProfileIccid = "89000123456789012341";

    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("bpp-cli-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    /// <summary>A package built with the core BSP: ConfigureISDP, StoreMetadata, ReplaceSessionKeys, profile.</summary>
    private static (byte[] Bpp, byte[] Profile) Build(string metadataIccid, int corruptSegment = -1)
    {
        byte[] profile = SyntheticProfile.Build(ProfileIccid, minimumSize: 5000);
        using var bsp = new BspInstance(Keys);
        byte[] s87 = bsp.EncryptAndMac(0x87, new ConfigureISDPRequest().Encode());
        byte[] s88 = bsp.MacOnly(0x88, new StoreMetadataRequest(Iccid.FromString(metadataIccid), "SP", "Profile").Encode());
        byte[] rsk = bsp.EncryptAndMac(0x87, new ReplaceSessionKeysRequest(Ppk.InitialMacChainingValue, Ppk.SEnc, Ppk.SMac).Encode());
        using var ppk = bsp.ReplaceSessionKeys(Ppk);
        var s86 = ProfileSegmentation.Protect(ppk, profile).ToList();
        if (corruptSegment >= 0)
        {
            s86[corruptSegment][^2] ^= 0xFF;
        }
        var isc = new InitialiseSecureChannelRequest(1, new byte[16], new ControlRefTemplate(0x88, 0x10, new byte[8]), new byte[65], new byte[64]);
        var bpp = new BoundProfilePackage(isc, [s87], [s88], [rsk], s86.Select(s => (ReadOnlyMemory<byte>)s).ToList());
        return (bpp.Encode(), profile);
    }

    private (int Code, string Output) Decrypt(byte[] bpp, SessionKeys keys, SessionKeys? ppk = null)
    {
        string file = Path.Combine(_dir, "bpp.der");
        File.WriteAllBytes(file, bpp);
        var output = new StringWriter();
        int code = BppCommands.Decrypt(keys, ppk, new FileInfo(file), new DirectoryInfo(Path.Combine(_dir, "out")), output);
        return (code, output.ToString());
    }

    [Test]
    public void WritesEachPlainPartAndTheProfile()
    {
        (byte[] bpp, byte[] profile) = Build(ProfileIccid);
        (int code, string output) = Decrypt(bpp, Keys);
        string outDir = Path.Combine(_dir, "out");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0));
            Assert.That(File.ReadAllBytes(Path.Combine(outDir, "profile.der")), Is.EqualTo(profile));
            Assert.That(File.ReadAllBytes(Path.Combine(outDir, "configureIsdp.der")), Is.EqualTo(new ConfigureISDPRequest().Encode()));
            Assert.That(ReplaceSessionKeysRequest.Decode(File.ReadAllBytes(Path.Combine(outDir, "replaceSessionKeys.der"))).PpkEnc, Is.EqualTo(Ppk.SEnc));
            Assert.That(StoreMetadataRequest.Decode(File.ReadAllBytes(Path.Combine(outDir, "storeMetadata.der"))).ProfileName, Is.EqualTo("Profile"));
            Assert.That(output, Does.Contain($"ICCID {ProfileIccid} in the metadata and the profile header"));
        });
    }

    [Test]
    public void ReportsAnIccidMismatchBetweenMetadataAndProfile()
    {
        (byte[] bpp, _) = Build("8900012345678901235");
        Assert.That(Decrypt(bpp, Keys).Output, Does.Contain("ICCID MISMATCH: metadata 8900012345678901235, profile header " + ProfileIccid));
    }

    [Test]
    public void ABadMacFailsWithTheSegmentIndex()
    {
        (byte[] bpp, _) = Build(ProfileIccid, corruptSegment: 2);
        var e = Assert.Throws<CliError>(() => Decrypt(bpp, Keys))!;
        Assert.That(e.Message, Does.StartWith("BSP verification failed at segment 5 (A3[2] 86"));
        Assert.That(e.Message, Does.Contain("MacMismatch"));
    }

    [Test]
    public void WrongSessionKeysFailAtTheFirstSegment()
    {
        (byte[] bpp, _) = Build(ProfileIccid);
        var e = Assert.Throws<CliError>(() => Decrypt(bpp, Ppk))!;
        Assert.That(e.Message, Does.StartWith("BSP verification failed at segment 0 (A0[0] 87"));
    }

    [Test]
    public void GivenPpksOverrideThoseInThePackage()
    {
        (byte[] bpp, _) = Build(ProfileIccid);
        var e = Assert.Throws<CliError>(() => Decrypt(bpp, Keys, Keys))!;
        Assert.That(e.Message, Does.Contain("A3[0] 86"));
    }

    [Test]
    public void NotAPackageIsOneClearError()
    {
        var e = Assert.Throws<CliError>(() => Decrypt(Convert.FromHexString("BF2400"), Keys))!;
        Assert.That(e.Message, Does.Contain("is not a BoundProfilePackage"));
    }

    [Test]
    public void KeyOptionsAreCheckedByTheParser()
    {
        var cmd = BppCommands.Create();
        var result = cmd.Parse(["decrypt", "--s-enc", "1234", "--s-mac", new string('0', 32), "--mcv", new string('0', 32), "f"]);
        Assert.That(result.Errors.Select(e => e.Message), Has.Some.Contains("--s-enc must be 16 bytes as 32 hex digits"));
    }
}
