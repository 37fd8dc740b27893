using Conformance.Cli.Commands;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;
using Conformance.Rsp.Saip;
using Conformance.SmdpPlus;
using Conformance.SmdpPlus.Es9Plus;

namespace Conformance.Cli.Tests;

/// <summary>
/// <c>bpp decrypt</c> on packages of the reference SM-DP+'s BppBuilder, clean and spoiled (by its named faults or
/// altered here): every rule broken is reported, each part verified is still written, and the exit code is 0 with no
/// rule broken, 1 with rules broken and something decrypted, 2 when nothing could be decrypted.
/// </summary>
public class BppCommandsTests
{
    private const string ProfileIccid = "89000123456789012341";
    private static readonly Lazy<TestPki> Pki = new(() => TestPkiGenerator.Generate(new TestPkiOptions
    {
        Curves = [RspCurve.NistP256], IncludeNegativeVariants = false, IncludeOperator = false,
    }));
    private static readonly byte[] Upp = SyntheticProfile.Build(ProfileIccid, minimumSize: 5000);

    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("bpp-cli-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private string OutDir => Path.Combine(_dir, "out");

    /// <summary>A package of the reference builder, with its session keys and PPKs.</summary>
    private sealed record Built(BoundProfilePackage Bpp, byte[] Der, SessionKeys Keys, SessionKeys? Ppk);

    private static Built Build(bool ppk = false, string metadataIccid = ProfileIccid, params SmdpFault[] faults)
    {
        var options = new SmdpOptions { UseProfileProtectionKeys = ppk, Faults = faults.ToHashSet(), FaultSegmentIndex = 1 };
        byte[] metadata = new StoreMetadataRequest(Iccid.FromString(metadataIccid), "SP", "Profile").Encode();
        BppOutput o = new BppBuilder(options).Build(new BppInput(new byte[16], RspCurve.NistP256, SigningCredential.From(Pki.Value.For(RspCurve.NistP256).DpPb)!,
            OneTimeKeyPair.Generate(RspCurve.NistP256).PublicPoint, Convert.FromHexString(TestPkiOptions.Sgp26Eid), metadata, Upp));
        byte[] k = o.SessionKeys;
        SessionKeys? p = o.Ppk is { } x ? new SessionKeys(x[16..32], x[32..48], x[..16]) : null;
        return new Built(BoundProfilePackage.Decode(o.BoundProfilePackage), o.BoundProfilePackage, new SessionKeys(k[16..32], k[32..48], k[..16]), p);
    }

    private (int Code, string Output) Decrypt(byte[] bpp, SessionKeys keys, SessionKeys? ppk = null)
    {
        string file = Path.Combine(_dir, "bpp.der");
        File.WriteAllBytes(file, bpp);
        var output = new StringWriter();
        int code = BppCommands.Decrypt(keys, ppk, new FileInfo(file), new DirectoryInfo(OutDir), output);
        return (code, output.ToString());
    }

    private static byte[] Tlv(byte[] tag, ReadOnlySpan<byte> value)
    {
        byte[] length = value.Length switch
        {
            < 0x80 => [(byte)value.Length],
            < 0x100 => [0x81, (byte)value.Length],
            _ => [0x82, (byte)(value.Length >> 8), (byte)value.Length],
        };
        return [.. tag, .. length, .. value];
    }

    private static byte[] Seq(byte tag, IEnumerable<ReadOnlyMemory<byte>> segments) => Tlv([tag], segments.SelectMany(s => s.ToArray()).ToArray());

    private static string[] Rules(string output) =>
        output.Split('\n').SkipWhile(l => !l.Contains("rule(s) broken:", StringComparison.Ordinal)).Skip(1).Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();

    [TestCase(false)]
    [TestCase(true)]
    public void ACleanPackageIsWrittenPartByPartWithExitCode0(bool ppk)
    {
        Built b = Build(ppk);
        (int code, string output) = Decrypt(b.Der, b.Keys);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0), output);
            Assert.That(output, Does.Contain("no rule broken"));
            Assert.That(File.ReadAllBytes(Path.Combine(OutDir, "profile.der")), Is.EqualTo(Upp));
            Assert.That(ConfigureISDPRequest.Decode(File.ReadAllBytes(Path.Combine(OutDir, "configureIsdp.der"))), Is.Not.Null);
            Assert.That(StoreMetadataRequest.Decode(File.ReadAllBytes(Path.Combine(OutDir, "storeMetadata.der"))).ProfileName, Is.EqualTo("Profile"));
            Assert.That(File.Exists(Path.Combine(OutDir, "replaceSessionKeys.der")), Is.EqualTo(ppk));
            Assert.That(output, Does.Contain($"ICCID {ProfileIccid} in StoreMetadata and in the profile header"));
        });
    }

    [Test]
    public void AnOversizedAndAReorderedSegmentAreBothReportedAndTheProfileIsStillWritten()
    {
        Built b = Build(ppk: true, faults: [SmdpFault.OversizedBppSegment, SmdpFault.ReorderedBppSegments]);
        (int code, string output) = Decrypt(b.Der, b.Keys);
        string[] rules = Rules(output);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1), output);
            Assert.That(rules, Has.Length.EqualTo(2), output);
            Assert.That(rules[0], Does.StartWith("SGP.22 §2.6.4: A3: ").And.Contain("longer than 1020 bytes").And.Contain("§2.5.5"));
            Assert.That(rules[1], Does.StartWith("SGP.22 §2.5.5: A3: the '86' segments are out of order: segment 2 as sent carries the MAC chained from segment 0"));
            Assert.That(File.ReadAllBytes(Path.Combine(OutDir, "profile.der")), Is.EqualTo(Upp), "the MAC chain gives the order back");
        });
    }

    [Test]
    public void AMacThatDoesNotVerifyIsReportedAndTheVerifiedPartsAreWritten()
    {
        Built b = Build(ppk: true, faults: SmdpFault.CorruptedBppMac);
        (int code, string output) = Decrypt(b.Der, b.Keys);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1), output);
            Assert.That(Rules(output), Is.EqualTo(new[] { "SGP.22 §2.6.4: A3: segment 1 of '86' is refused: its MAC does not verify with the chaining value of the previous segment" }));
            Assert.That(File.Exists(Path.Combine(OutDir, "profile.der")), Is.False, "an unverified profile is not written");
            Assert.That(File.Exists(Path.Combine(OutDir, "storeMetadata.der")), Is.True);
            Assert.That(output, Does.Contain("not written: profile.der"));
        });
    }

    [Test]
    public void ARepeatedSegmentIsReportedAndSkipped()
    {
        Built b = Build(faults: SmdpFault.RepeatedBppSegment);
        (int code, string output) = Decrypt(b.Der, b.Keys);
        Assert.That(Rules(output), Is.EqualTo(new[] { "SGP.22 §2.6.4: A3: segment 2 of '86' repeats segment 1; the copy is skipped" }), output);
        Assert.That(code, Is.EqualTo(1));
        Assert.That(File.ReadAllBytes(Path.Combine(OutDir, "profile.der")), Is.EqualTo(Upp));
    }

    [Test]
    public void PpkProtectionWithoutReplaceSessionKeysNamesTheMissingOptionsWhenNoPpkIsGiven()
    {
        Built b = Build(ppk: true);
        byte[] withoutRsk = (b.Bpp with { SecondSequenceOf87 = null }).Encode();
        (int code, string output) = Decrypt(withoutRsk, b.Keys);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1), output);
            Assert.That(Rules(output).Single(), Does.StartWith("SGP.22 §2.6.4: A3: segment 0 of '86' is refused: its MAC does not verify; the package has no ReplaceSessionKeys ('87' in secondSequenceOf87, SGP.22 §5.5.4)")
                .And.Contain("give --ppk-enc, --ppk-mac and --ppk-mcv"));
            Assert.That(output, Does.Not.Contain("must be 16 bytes"));
            Assert.That(File.Exists(Path.Combine(OutDir, "storeMetadata.der")), Is.True);
        });
    }

    [Test]
    public void PpkProtectionWithoutReplaceSessionKeysIsABrokenRuleWhenThePpksAreGiven()
    {
        Built b = Build(ppk: true);
        byte[] withoutRsk = (b.Bpp with { SecondSequenceOf87 = null }).Encode();
        (int code, string output) = Decrypt(withoutRsk, b.Keys, b.Ppk);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1), output);
            Assert.That(Rules(output), Is.EqualTo(new[] { "SGP.22 §5.5.4: the profile ('86' segments) is protected with PPKs but the package carries no ReplaceSessionKeys ('87' in secondSequenceOf87): an eUICC cannot decrypt it" }));
            Assert.That(File.ReadAllBytes(Path.Combine(OutDir, "profile.der")), Is.EqualTo(Upp));
        });
    }

    [Test]
    public void ReplaceSessionKeysWithoutUsablePpksIsNamed()
    {
        // The '87' of A2 re-made with the session keys around a ReplaceSessionKeysRequest whose values are empty.
        Built b = Build();
        using var bsp = new Rsp.Bsp.BspInstance(b.Keys);
        ReadOnlyMemory<byte> s87 = bsp.EncryptAndMac(0x87, new ConfigureISDPRequest(new DpProprietaryData("2.999.10")).Encode());
        ReadOnlyMemory<byte> s88 = bsp.MacOnly(0x88, new StoreMetadataRequest(Iccid.FromString(ProfileIccid), "SP", "Profile").Encode());
        ReadOnlyMemory<byte> rsk = bsp.EncryptAndMac(0x87, new ReplaceSessionKeysRequest([], [], []).Encode());
        byte[] bpp = (b.Bpp with { FirstSequenceOf87 = [s87], SequenceOf88 = [s88], SecondSequenceOf87 = [rsk] }).Encode();
        (int code, string output) = Decrypt(bpp, b.Keys);
        Assert.That(Rules(output), Is.EqualTo(new[] { "SGP.22 §5.5.4: ReplaceSessionKeysRequest carries no usable PPKs: initialMacChainingValue is 0 bytes, not 16" }), output);
        Assert.That(output, Does.Contain("give --ppk-enc, --ppk-mac and --ppk-mcv"));
        Assert.That(code, Is.EqualTo(1));
    }

    [Test]
    public void TlvsWrappedTwiceAreReportedAndReadFromInside()
    {
        Built b = Build();
        var s86 = b.Bpp.SequenceOf86.ToList();
        s86[^1] = Tlv([0x86], s86[^1].Span); // the last one: wrapped, still within 1020 bytes
        byte[] a1Twice = Tlv([0xA1], Seq(0xA1, b.Bpp.SequenceOf88));
        byte[] bpp = Tlv([0xBF, 0x36], [.. b.Bpp.InitialiseSecureChannelRequest.Encode(), .. Seq(0xA0, b.Bpp.FirstSequenceOf87), .. a1Twice, .. Seq(0xA3, s86)]);
        (int code, string output) = Decrypt(bpp, b.Keys);
        Assert.Multiple(() =>
        {
            Assert.That(Rules(output), Is.EqualTo(new[]
            {
                "SGP.22 §2.5.4: sequenceOf88 is wrapped twice: A1 { A1 { ... } }",
                "SGP.22 §2.5.4: A3: segment 4 of '86' is wrapped twice: 86 { 86 { data, MAC } }; read from inside",
            }), output);
            Assert.That(code, Is.EqualTo(1));
            Assert.That(File.ReadAllBytes(Path.Combine(OutDir, "profile.der")), Is.EqualTo(Upp));
        });
    }

    [Test]
    public void PartsOutOfOrderAreReportedAndStillVerified()
    {
        Built b = Build();
        byte[] bpp = Tlv([0xBF, 0x36], [.. b.Bpp.InitialiseSecureChannelRequest.Encode(), .. Seq(0xA1, b.Bpp.SequenceOf88), .. Seq(0xA0, b.Bpp.FirstSequenceOf87), .. Seq(0xA3, b.Bpp.SequenceOf86)]);
        (int code, string output) = Decrypt(bpp, b.Keys);
        Assert.That(Rules(output), Is.EqualTo(new[] { "SGP.22 §2.5.4: A0 comes after A1: the parts are out of order" }), output);
        Assert.That(code, Is.EqualTo(1));
        Assert.That(File.ReadAllBytes(Path.Combine(OutDir, "profile.der")), Is.EqualTo(Upp));
    }

    [Test]
    public void AnIccidMismatchBetweenMetadataAndProfileIsABrokenRule()
    {
        Built b = Build(metadataIccid: "8900012345678901235");
        (int code, string output) = Decrypt(b.Der, b.Keys);
        Assert.That(Rules(output), Is.EqualTo(new[] { $"SGP.22 §5.5.3: StoreMetadata carries ICCID 8900012345678901235, the profile header {ProfileIccid}" }), output);
        Assert.That(code, Is.EqualTo(1));
    }

    [Test]
    public void TheSecureChannelRulesAreReportedWithTheSegmentRules()
    {
        Built b = Build(ppk: true, faults: [SmdpFault.UnknownRemoteOpId, SmdpFault.MissingConfigureIsdp, SmdpFault.CorruptedBppMac]);
        (int code, string output) = Decrypt(b.Der, b.Keys);
        Assert.That(Rules(output), Is.EqualTo(new[]
        {
            "SGP.22 §5.5.1: remoteOpId is 2, not installBoundProfilePackage(1)",
            "SGP.22 §5.5.2: firstSequenceOf87 holds 0 segments, expected one (ConfigureISDP)",
            "SGP.22 §2.6.4: A3: segment 1 of '86' is refused: its MAC does not verify with the chaining value of the previous segment",
        }), output);
        Assert.That(code, Is.EqualTo(1));
    }

    [Test]
    public void WrongSessionKeysDecryptNothing()
    {
        Built b = Build(ppk: true);
        var e = Assert.Throws<CliError>(() => Decrypt(b.Der, b.Ppk!))!;
        Assert.That(e.Message, Does.StartWith("nothing could be decrypted: SGP.22 §2.6.4: A0: segment 0 of '87' is refused")
            .And.Contain("the session keys given (--s-enc, --s-mac, --mcv) are not its own"));
    }

    [Test]
    public void NotAPackageIsOneClearError()
    {
        var e = Assert.Throws<CliError>(() => Decrypt(Convert.FromHexString("BF2400"), Build().Keys))!;
        Assert.That(e.Message, Does.Contain("is not a BoundProfilePackage"));
    }

    [Test]
    public async Task TheCommandExitsWith0Then1Then2()
    {
        Built clean = Build();
        Built corrupted = Build(faults: SmdpFault.CorruptedBppMac);
        async Task<int> Run(Built b, SessionKeys keys)
        {
            string file = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".der");
            await File.WriteAllBytesAsync(file, b.Der);
            return await BppCommands.Create().Parse(["decrypt", "--s-enc", Convert.ToHexString(keys.SEnc), "--s-mac", Convert.ToHexString(keys.SMac),
                "--mcv", Convert.ToHexString(keys.InitialMacChainingValue), "--out", OutDir, file]).InvokeAsync();
        }
        Assert.That(new[] { await Run(clean, clean.Keys), await Run(corrupted, corrupted.Keys), await Run(clean, corrupted.Keys) }, Is.EqualTo(new[] { 0, 1, 2 }));
    }

    [Test]
    public void KeyOptionsAreCheckedByTheParser()
    {
        var cmd = BppCommands.Create();
        var result = cmd.Parse(["decrypt", "--s-enc", "1234", "--s-mac", new string('0', 32), "--mcv", new string('0', 32), "f"]);
        Assert.That(result.Errors.Select(e => e.Message), Has.Some.Contains("--s-enc must be 16 bytes as 32 hex digits"));
    }

    [Test]
    public void BuildWritesAPackageThatDecryptReadsWithThePrintedKeys()
    {
        string file = Path.Combine(_dir, "built.der");
        var output = new StringWriter();
        Conformance.Cli.Commands.Bpp.BppBuildCommand.Build(new FileInfo(file), RspCurve.NistP256, ppk: true, null, new HashSet<SmdpFault>(), 1, output);
        string[] line = output.ToString().Split('\n').Single(l => l.StartsWith("./conformance bpp decrypt", StringComparison.Ordinal)).Trim().Split(' ');
        SessionKeys keys = new(Convert.FromHexString(line[4]), Convert.FromHexString(line[6]), Convert.FromHexString(line[8]));
        (int code, string decrypted) = Decrypt(File.ReadAllBytes(file), keys);
        Assert.That(code, Is.EqualTo(0), decrypted);
    }
}
