using Conformance.Rsp.Asn1.Messages;
using Conformance.Steps.Drivers;

namespace Conformance.Steps.StepDefinitions;

/// <summary>
/// Then steps on the bound profile package, checked with the eUICC side's keys (SGP.22 v2.5 §2.5.4, §2.6.4, §5.5;
/// <see cref="Adapters.Bpp.BppVerifier"/>), and on its installation by the emulated eUICC (§5.7.6).
/// </summary>
[Binding]
public sealed class BppOutcomeSteps(Es9Driver es9, BppDriver bpp)
{
    [Then(@"^the bound profile package satisfies every rule of SGP\.22 §2\.5\.4, §2\.6\.4 and §5\.5$")]
    public Task Conforms() => bpp.RequireConformingAsync();

    [Then(@"^the bound profile package protects the profile with (S-ENC and S-MAC|PPK-ENC and PPK-MAC)$")]
    public void Keys(string keys)
    {
        bool ppk = Package().SecondSequenceOf87 is not null;
        Assert.That(ppk, Is.EqualTo(keys.StartsWith("PPK", StringComparison.Ordinal)), ppk
            ? "SGP.22 §5.5.4: the package carries ReplaceSessionKeys (secondSequenceOf87): the profile is protected with PPK-ENC/PPK-MAC"
            : "SGP.22 §5.5.4: the package carries no ReplaceSessionKeys (secondSequenceOf87): the profile is protected with S-ENC/S-MAC, not PPKs");
    }

    // A Cucumber expression (Reqnroll): {int} is the number of segments.
    [Then("the bound profile package carries StoreMetadata in at least {int} '88' segments")]
    public void MetadataSegments(int count) =>
        Assert.That(Package().SequenceOf88, Has.Count.GreaterThanOrEqualTo(count), "SGP.22 §2.5.4: sequenceOf88 segments of StoreMetadata");

    [Then(@"^the eUICC installs the bound profile package$")]
    public async Task Installs()
    {
        ProfileInstallationResultData pir = (await bpp.LoadAsync()).ProfileInstallationResult.ProfileInstallationResultData;
        Assert.That(pir.ErrorResult, Is.Null,
            $"SGP.22 §5.7.6: the eUICC refused the bound profile package at {pir.ErrorResult?.BppCommandId} with errorReason {pir.ErrorResult?.ErrorReason}");
    }

    [Then(@"^the eUICC offered (the same|another) one-time key (?:as|than) in the first binding$")]
    public void EuiccKey(string same)
    {
        // The eUICC (here the harness's emulator) reuses its one-time key only when the SM-DP+ asks for it: the culprit of a
        // mismatch is the SM-DP+'s smdpSigned2.bppEuiccOtpk, so the message says what the SM-DP+ sent.
        byte[]? asked = es9.Session.AuthenticateClientResult?.Value?.SmdpSigned2.BppEuiccOtpk;
        string sent = asked is null ? "no bppEuiccOtpk" : $"bppEuiccOtpk {Convert.ToHexString(asked)[..16]}...";
        Compare(same, bpp.FirstBinding!.Value.EuiccOtpk, es9.Session.EuiccOtpk!, same == "the same"
            ? $"SGP.22 §3.1.3.2, §5.6.3: on a retry after a bound package the SM-DP+ SHALL put the otPK.EUICC.ECKA of that binding into smdpSigned2.bppEuiccOtpk, so that the eUICC offers it again; smdpSigned2 carried {sent}"
            : $"SGP.22 §3.1.3.2, §5.6.3: without a bound package to reuse the SM-DP+ SHALL NOT ask for the earlier otPK.EUICC.ECKA (smdpSigned2.bppEuiccOtpk); smdpSigned2 carried {sent}");
    }

    [Then(@"^the bound profile package carries (the same|another) otPK\.DP\.ECKA (?:as|than) the first binding$")]
    public void SmdpKey(string same) => Compare(same, bpp.FirstBinding!.Value.SmdpOtpk, Package().InitialiseSecureChannelRequest.SmdpOtpk,
        same == "the same"
            ? "SGP.22 §3.1.3.2, §5.6.2: the eUICC reused otPK.EUICC.ECKA, so the SM-DP+ SHALL reuse otSK.DP.ECKA of the first binding"
            : "SGP.22 §3.1.3.2: the eUICC used a new otPK.EUICC.ECKA, so the SM-DP+ SHALL generate a new otSK.DP.ECKA");

    private BoundProfilePackage Package() =>
        es9.Session.BoundProfilePackage ?? throw new AssertionException("no bound profile package was received");

    private static void Compare(string same, byte[] first, byte[] now, string rule)
    {
        bool equal = first.AsSpan().SequenceEqual(now);
        Assert.That(equal, Is.EqualTo(same == "the same"), $"{rule}: first {Convert.ToHexString(first)[..16]}..., now {Convert.ToHexString(now)[..16]}...");
    }
}
