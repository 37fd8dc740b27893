using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Bsp;
using Conformance.Rsp.Pki;
using Conformance.SmdpPlus.Tests.Support;
using Conformance.SmdpPlus.Tests.Doubles;

namespace Conformance.SmdpPlus.Tests.Es9;

/// <summary>
/// Each named fault (<see cref="SmdpFault"/>) produces its wire defect: the eUICC test double refuses the download
/// at the intended step for the intended reason, or the message on the wire shows the defect.
/// </summary>
public class FaultInjectionTests
{
    private static readonly (SmdpFault Fault, string Step, string Reason)[] Refused =
    [
        (SmdpFault.InvalidServerSignature1, "AuthenticateServer", "invalidSignature"),
        (SmdpFault.WrongEuiccChallengeInServerSigned1, "AuthenticateServer", "euiccChallengeMismatch"),
        (SmdpFault.ExpiredDpAuthCertificate, "AuthenticateServer", "invalidCertificate"),
        (SmdpFault.DpAuthFromUnknownCi, "AuthenticateServer", "invalidCertificate"),
        (SmdpFault.InvalidSmdpSignature2, "PrepareDownload", "invalidSignature"),
        (SmdpFault.ExpiredDpPbCertificate, "PrepareDownload", "invalidCertificate"),
        (SmdpFault.DpPbFromUnknownCi, "PrepareDownload", "invalidCertificate"),
        (SmdpFault.WrongTransactionIdInSmdpSigned2, "PrepareDownload", "invalidTransactionId"),
        (SmdpFault.WrongTransactionIdInBpp, "LoadBoundProfilePackage", "invalidTransactionId"),
        (SmdpFault.InvalidSmdpSignInBpp, "LoadBoundProfilePackage", "invalidSignature"),
        (SmdpFault.CorruptedBppMac, "LoadBoundProfilePackage", "scp03tSecurityError"),
        (SmdpFault.OversizedBppSegment, "LoadBoundProfilePackage", "scp03tStructureError"),
        (SmdpFault.ReorderedBppSegments, "LoadBoundProfilePackage", "scp03tSecurityError"),
        (SmdpFault.RepeatedBppSegment, "LoadBoundProfilePackage", "scp03tSecurityError"),
        (SmdpFault.IccidMismatchInMetadata, "LoadBoundProfilePackage", "dataMismatch"),
        (SmdpFault.UnknownRemoteOpId, "LoadBoundProfilePackage", "unsupportedRemoteOperationType"),
        (SmdpFault.UnsupportedCrtValues, "LoadBoundProfilePackage", "unsupportedCrtValues"),
        (SmdpFault.MissingConfigureIsdp, "LoadBoundProfilePackage", "scp03tStructureError"),
        (SmdpFault.CorruptedConfigureIsdpMac, "LoadBoundProfilePackage", "scp03tSecurityError"),
        (SmdpFault.CorruptedStoreMetadataMac, "LoadBoundProfilePackage", "scp03tSecurityError"),
    ];

    private static IEnumerable<TestCaseData> RefusedCases() => Refused.Select(r => new TestCaseData(r.Fault, r.Step, r.Reason).SetName($"{r.Fault} refused at {r.Step} ({r.Reason})"));

    [TestCaseSource(nameof(RefusedCases))]
    public async Task FaultIsRefusedByTheEuicc(SmdpFault fault, string step, string reason)
    {
        await using Es9Context c = await Es9Context.StartAsync(configure: o => o with { Faults = new HashSet<SmdpFault> { fault }, FaultSegmentIndex = 1 });
        await c.ReleasedOrderAsync(1);
        DownloadOutcome outcome = await c.Lpa.DownloadAsync("MATCH-00001");
        Assert.That((outcome.FailedFunction, outcome.EuiccRefusal), Is.EqualTo((step, reason)), c.Euicc.LastRefusal);
    }

    [Test]
    public void EveryFaultHasATest()
    {
        var covered = Refused.Select(r => r.Fault).Concat([SmdpFault.WrongServerAddressInServerSigned1, SmdpFault.MismatchingMetadataInBpp, SmdpFault.CorruptedReplaceSessionKeysMac]);
        Assert.That(Enum.GetValues<SmdpFault>().Except(covered), Is.Empty);
    }

    [Test]
    public async Task CorruptedReplaceSessionKeysMacIsRefusedWithProfileProtectionKeys()
    {
        await using Es9Context c = await Es9Context.StartAsync(configure: o => o with
        {
            Faults = new HashSet<SmdpFault> { SmdpFault.CorruptedReplaceSessionKeysMac },
            UseProfileProtectionKeys = true,
        });
        await c.ReleasedOrderAsync(1);
        DownloadOutcome outcome = await c.Lpa.DownloadAsync("MATCH-00001");
        Assert.That((outcome.FailedFunction, outcome.EuiccRefusal), Is.EqualTo(("LoadBoundProfilePackage", "scp03tSecurityError")), c.Euicc.LastRefusal);
        Assert.That(c.Euicc.LastRefusal, Does.StartWith("replaceSessionKeys/"));
    }

    [Test]
    public async Task WrongServerAddressIsOnTheWire()
    {
        await using Es9Context c = await Es9Context.StartAsync(configure: o => o with { Faults = new HashSet<SmdpFault> { SmdpFault.WrongServerAddressInServerSigned1 } });
        Es9Answer ia = await c.Lpa.InitiateAuthenticationAsync();
        Assert.That(ServerSigned1.Decode(ia.Base64("serverSigned1")).ServerAddress, Is.Not.EqualTo(c.Address).IgnoreCase);
    }

    [Test]
    public async Task MismatchingMetadataIsOnTheWire()
    {
        await using Es9Context c = await Es9Context.StartAsync(configure: o => o with { Faults = new HashSet<SmdpFault> { SmdpFault.MismatchingMetadataInBpp } });
        await c.ReleasedOrderAsync(1);
        (string tid, Es9Answer ac) = await c.AuthenticatedAsync("MATCH-00001");
        byte[] pdr = c.Euicc.PrepareDownload(DownloadLpa.PrepareDownloadRequestFrom(ac, tid, null).Encode());
        c.Euicc.LoadBoundProfilePackage((await c.GetBppAsync(tid, pdr)).Base64("boundProfilePackage"));
        var sent = StoreMetadataRequest.Decode(ac.Base64("profileMetadata"));
        Assert.That(c.Euicc.LastInstall!.Metadata.ProfileName, Is.Not.EqualTo(sent.ProfileName));
    }

    [Test]
    public async Task OversizedSegmentIsLongerThan1020Bytes()
    {
        await using Es9Context c = await Es9Context.StartAsync(configure: o => o with { Faults = new HashSet<SmdpFault> { SmdpFault.OversizedBppSegment } });
        await c.ReleasedOrderAsync(1);
        DownloadOutcome outcome = await c.Lpa.DownloadAsync("MATCH-00001");
        var bpp = BoundProfilePackage.Decode(outcome.BoundProfilePackage);
        Assert.That(bpp.SequenceOf86.Max(s => s.Length), Is.GreaterThan(BspInstance.MaxSegmentLength));
    }

    [Test]
    public async Task ExpiredDpAuthIsExpired()
    {
        await using Es9Context c = await Es9Context.StartAsync(configure: o => o with { Faults = new HashSet<SmdpFault> { SmdpFault.ExpiredDpAuthCertificate } });
        Es9Answer ia = await c.Lpa.InitiateAuthenticationAsync();
        var result = c.Pki.Validator().ValidateServerCertificate(CertificateRole.DpAuth, ia.Base64("serverCertificate"), DateTimeOffset.UtcNow);
        Assert.That(result.Reason, Is.EqualTo(CertificateFailureReason.Expired));
    }
}
