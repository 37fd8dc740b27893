using Conformance.Adapters.Bpp;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;
using Conformance.Rsp.Saip;
using Conformance.SmdpPlus;
using Conformance.SmdpPlus.Es9Plus;

namespace Conformance.Adapters.Tests.Bpp;

/// <summary>
/// The BPP verifier against packages of the reference BppBuilder: clean ones pass on both curves with and without
/// PPKs; each named defect or fault that spoils the package is reported as exactly the rule it breaks.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class BppVerifierTests
{
    private static readonly Lazy<TestPki> Pki = new(() => TestPkiGenerator.Generate(new TestPkiOptions()));
    private const string Iccid = "89000123456789012341";
    private static readonly byte[] Upp = SyntheticProfile.Build(Iccid, minimumSize: 4000);
    private static readonly byte[] Eid = Convert.FromHexString("89049032123451234512345678901235");
    private static readonly byte[] Tid = Convert.FromHexString("0123456789ABCDEF0123456789ABCDEF");

    private static readonly object[] CurvesAndPpk =
    [
        new object[] { RspCurve.NistP256, false }, new object[] { RspCurve.NistP256, true },
        new object[] { RspCurve.BrainpoolP256r1, false }, new object[] { RspCurve.BrainpoolP256r1, true },
    ];

    [TestCaseSource(nameof(CurvesAndPpk))]
    public void ReferencePackagePasses(RspCurve curve, bool ppk)
    {
        BppVerificationReport report = Run(curve, o => o with { UseProfileProtectionKeys = ppk });
        Assert.That(report.Violations, Is.Empty, report.ToText());
        Assert.That(report.Checks, Has.Some.Contains("profile header ICCID " + Iccid));
    }

    [Test]
    public void MetadataSplitOverTwo88SegmentsPasses()
    {
        BppVerificationReport report = Run(RspCurve.NistP256, o => o with { MetadataSegmentSize = 20 });
        Assert.That(report.Violations, Is.Empty, report.ToText());
        Assert.That(report.Checks, Has.Some.Matches("A1: [2-9] '88' segment"));
    }

    [TestCase(SmdpDefect.OversizedProfileSegment, BppRule.SegmentLength, "more than 1020")]
    [TestCase(SmdpDefect.RestartMacChainPerSegment, BppRule.MacChain, "MAC chain restarted")]
    [TestCase(SmdpDefect.FrozenBlockCounter, BppRule.BlockCounter, "not incremented")]
    [TestCase(SmdpDefect.SmdpSignOverWrongData, BppRule.SmdpSign, "without otPK.EUICC.ECKA")]
    [TestCase(SmdpDefect.TransactionIdInBppNotSession, BppRule.TransactionId, "not the session's")]
    public void DefectIsNamed(SmdpDefect defect, BppRule rule, string words)
    {
        foreach (bool ppk in new[] { false, true })
        {
            BppVerificationReport report = Run(RspCurve.NistP256, o => o with { Defects = new HashSet<SmdpDefect> { defect }, UseProfileProtectionKeys = ppk });
            Assert.That(report.Violations.Select(v => v.Rule), Is.EqualTo(new[] { rule }), report.ToText());
            Assert.That(report.Violations[0].Message, Does.StartWith("SGP.22 " + rule.Section()).And.Contains(words));
        }
    }

    [Test]
    public void OversizedSegmentNamesIndexAndLength()
    {
        BppVerificationReport report = Run(RspCurve.BrainpoolP256r1, o => o with { Defects = new HashSet<SmdpDefect> { SmdpDefect.OversizedProfileSegment } });
        BppViolation v = report.Violations.Single();
        Assert.That(v.Segment, Is.EqualTo(0));
        Assert.That(v.Message, Does.Match(@"^SGP\.22 §2\.6\.4: segment 0 of '86' is 1\d{3} bytes, more than 1020"));
    }

    [Test]
    public void MetadataInBppDiffersFromProfileMetadataIsNamed()
    {
        // What the server's defect does: the '88' carry the metadata with another profileName.
        byte[] other = Metadata(Iccid, "Profile (other)");
        BppVerificationReport report = Run(RspCurve.NistP256, o => o, bppMetadata: other);
        BppViolation v = report.Violations.Single();
        Assert.That(v.Rule, Is.EqualTo(BppRule.StoreMetadataMatchesProfileMetadata));
        Assert.That(v.Message, Does.Contain("profileName 'Profile (other)' instead of profileName 'Profile'"));
    }

    [TestCase(SmdpFault.WrongTransactionIdInBpp, BppRule.TransactionId)]
    [TestCase(SmdpFault.InvalidSmdpSignInBpp, BppRule.SmdpSign)]
    [TestCase(SmdpFault.CorruptedBppMac, BppRule.MacChain)]
    [TestCase(SmdpFault.OversizedBppSegment, BppRule.SegmentLength)]
    [TestCase(SmdpFault.ReorderedBppSegments, BppRule.MacChain)]
    [TestCase(SmdpFault.RepeatedBppSegment, BppRule.MacChain)]
    [TestCase(SmdpFault.UnknownRemoteOpId, BppRule.RemoteOpId)]
    [TestCase(SmdpFault.UnsupportedCrtValues, BppRule.ControlRefTemplate)]
    [TestCase(SmdpFault.MissingConfigureIsdp, BppRule.ConfigureIsdp)]
    public void FaultIsNamed(SmdpFault fault, BppRule rule)
    {
        BppVerificationReport report = Run(RspCurve.NistP256, o => o with { Faults = new HashSet<SmdpFault> { fault }, FaultSegmentIndex = 1 });
        Assert.That(report.Violations.Select(v => v.Rule), Is.EqualTo(new[] { rule }), report.ToText());
    }

    [Test]
    public void RepeatedSegmentIsSaidToRepeat()
    {
        BppVerificationReport report = Run(RspCurve.NistP256, o => o with { Faults = new HashSet<SmdpFault> { SmdpFault.RepeatedBppSegment }, FaultSegmentIndex = 1 });
        Assert.That(report.Violations.Single().Message, Does.Contain("segment 2 of '86' repeats segment 1"));
    }

    [Test]
    public void IccidOfMetadataOtherThanProfileIsNamed()
    {
        byte[] metadata = Metadata("89000123456789012358", "Profile");
        BppVerificationReport report = Run(RspCurve.NistP256, o => o, bppMetadata: metadata, profileMetadata: metadata);
        Assert.That(report.Violations.Select(v => v.Rule), Is.EqualTo(new[] { BppRule.MetadataIccid }), report.ToText());
    }

    [Test]
    public void OtherProfileThanOrderedIsNamed()
    {
        BppVerificationReport report = Run(RspCurve.NistP256, o => o, expectedIccid: "89000123456789012358");
        Assert.That(report.Violations.Select(v => v.Rule), Is.EqualTo(new[] { BppRule.ProfileIccid }), report.ToText());
    }

    [Test]
    public void OtherEuiccKeyFailsTheMacOfTheFirstSegment()
    {
        OneTimeKeyPair other = OneTimeKeyPair.Generate(RspCurve.NistP256);
        BppVerificationReport report = Run(RspCurve.NistP256, o => o, verifierOtk: other);
        Assert.That(report.Violations.Select(v => v.Rule), Is.EquivalentTo(new[] { BppRule.SmdpSign, BppRule.MacChain }), report.ToText());
        Assert.That(report.Violations.Single(v => v.Rule == BppRule.MacChain).Sequence, Is.EqualTo("A0"));
    }

    [Test]
    public void OtherContentThanOrderedIsNamed()
    {
        OneTimeKeyPair otk = OneTimeKeyPair.Generate(RspCurve.NistP256);
        byte[] other = SyntheticProfile.Build(Iccid, minimumSize: 4000, seed: 2);
        BppOutput built = new BppBuilder(new SmdpOptions()).Build(new BppInput(Tid, RspCurve.NistP256,
            SigningCredential.From(Pki.Value.For(RspCurve.NistP256).DpPb)!, otk.PublicPoint, Eid, Metadata(Iccid, "Profile"), other));
        BppVerificationReport report = BppVerifier.Verify(built.BoundProfilePackage, Input(RspCurve.NistP256, otk, Metadata(Iccid, "Profile"), Iccid, Upp));
        Assert.That(report.Violations.Select(v => v.Rule), Is.EqualTo(new[] { BppRule.ProfileContent }), report.ToText());
    }

    [Test]
    public void GarbageIsAStructureViolation()
    {
        OneTimeKeyPair otk = OneTimeKeyPair.Generate(RspCurve.NistP256);
        BppVerificationReport report = BppVerifier.Verify(new byte[] { 0xBF, 0x36, 0x01, 0x00 }, Input(RspCurve.NistP256, otk, Metadata(Iccid, "Profile"), Iccid));
        Assert.That(report.Violations.Single().Rule, Is.EqualTo(BppRule.Structure));
    }

    private static byte[] Metadata(string iccid, string name) => new StoreMetadataRequest(Rsp.Asn1.Messages.Iccid.FromString(iccid), "Conformance SP", name).Encode();

    private static BppVerificationInput Input(RspCurve curve, OneTimeKeyPair otk, byte[] profileMetadata, string expectedIccid, byte[]? upp = null) =>
        new(otk, Eid, Tid, Pki.Value.For(curve).DpPb.Certificate, profileMetadata, expectedIccid, upp);

    private static BppVerificationReport Run(RspCurve curve, Func<SmdpOptions, SmdpOptions> configure, byte[]? bppMetadata = null,
        byte[]? profileMetadata = null, string expectedIccid = Iccid, OneTimeKeyPair? verifierOtk = null)
    {
        OneTimeKeyPair otk = OneTimeKeyPair.Generate(curve);
        profileMetadata ??= Metadata(Iccid, "Profile");
        SmdpOptions options = configure(new SmdpOptions());
        SigningCredential dpPb = SigningCredential.From(Pki.Value.For(curve).DpPb)!;
        byte[] upp = Upp;
        BppOutput built = new BppBuilder(options).Build(new BppInput(Tid, curve, dpPb, otk.PublicPoint, Eid, bppMetadata ?? profileMetadata, upp));
        return BppVerifier.Verify(built.BoundProfilePackage, Input(curve, verifierOtk ?? otk, profileMetadata, expectedIccid, Upp));
    }
}
