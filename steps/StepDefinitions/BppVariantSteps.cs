using Conformance.Adapters.Es2Plus;
using Conformance.Steps.Drivers;
using Conformance.Steps.Support;

namespace Conformance.Steps.StepDefinitions;

/// <summary>
/// The GetBoundProfilePackage cases that need an SM-DP+ configured for PPK-ENC/PPK-MAC or for StoreMetadata over
/// several '88' segments (SGP.22 v2.5 §2.5.4, §5.5.4): on the reference target a variant of the bundled SM-DP+
/// (<see cref="BppVariantSmdp"/>) takes the order and the download; a remote target must be configured so itself.
/// </summary>
[Binding]
public sealed class BppVariantSteps(HarnessRun run, Es9Driver es9, BppDriver bpp, DownloadOrderDriver orders, OrderSession order, ExchangeLog log)
{
    [Given(@"^a profile released for the eUICC with a MatchingID( and a confirmation code|) by an SM-DP\+ that (binds with PPK-ENC and PPK-MAC|splits the metadata over '88' segments|binds with PPK-ENC and PPK-MAC and splits the metadata over '88' segments)$")]
    public async Task Released(string confirmationCode, string how)
    {
        bool withCode = confirmationCode.Length > 0;
        if (!run.Config.IsReference)
        {
            await orders.PrepareAsync(withCode ? DownloadOrderStyle.ActivationCodeWithConfirmationCode : DownloadOrderStyle.ActivationCode);
            await es9.StartDownloadAsync(orders.MatchingId, orders.ConfirmationCode);
            return;
        }
        BppVariant variant = how.StartsWith("binds", StringComparison.Ordinal)
            ? how.EndsWith("segments", StringComparison.Ordinal) ? BppVariant.ProfileProtectionKeysSplitMetadata : BppVariant.ProfileProtectionKeys
            : BppVariant.SplitMetadata;
        BppVariantSmdp smdp = await BppVariantSmdp.GetAsync(run, variant);
        string iccid = smdp.TakeIccid();
        string matchingId = Identifiers.NewMatchingId();
        string? code = withCode ? DownloadOrderDriver.HarnessConfirmationCode : null;
        using (Es2PlusClient op = smdp.Operator(run, log))
        {
            var ordered = await op.DownloadOrderAsync(new DownloadOrderRequest(Identifiers.Eid1, iccid));
            Assert.That(ordered.ExecutionStatus.IsExecuted, Is.True, $"precondition 'DownloadOrder on the {variant} SM-DP+' not met: {ordered.ExecutionStatus}");
            var confirmed = await op.ConfirmOrderAsync(new ConfirmOrderRequest(iccid, ReleaseFlag: true, Identifiers.Eid1, matchingId, code));
            Assert.That(confirmed.ExecutionStatus.IsExecuted, Is.True, $"precondition 'ConfirmOrder on the {variant} SM-DP+' not met: {confirmed.ExecutionStatus}");
        }
        order.Iccid = iccid;
        es9.EndpointOverride = (smdp.BaseAddress(run.Config.SmdpAddress), smdp.Endpoint);
        bpp.ReferenceStore = smdp.Server.Store;
        await es9.StartDownloadAsync(matchingId, code);
    }

    [AfterTestRun]
    public static Task StopVariants() => BppVariantSmdp.StopAllAsync();
}
