using Conformance.Steps.Drivers;
using Conformance.Steps.Support;

namespace Conformance.Steps.StepDefinitions;

/// <summary>
/// Per eUICC scenario: the APDUs of each step go to that step's attachments; at the end the card is put back as
/// the scenario found it (<see cref="EuiccDriver.CleanupAsync"/>), then closed, and the in-process SM-DP+ stopped.
/// A card that cannot be put back fails a scenario that had passed (the next ones would meet its leftovers);
/// after a failure the leftovers are only reported, beside the finding.
/// </summary>
[Binding]
public sealed class EuiccHooks(EuiccTrace trace, EuiccDriver euicc, ServerSideSmdp smdp, StepAttachments attachments, ScenarioContext scenario,
    AfterScenarioFindings findings)
{
    [AfterStep]
    public void AttachApdus() => trace.Flush();

    [AfterScenario("euicc")]
    public async Task CleanUpAsync()
    {
        try
        {
            bool inProcess = euicc.IsOpen && euicc.Card.InProcess is not null;
            IReadOnlyList<string> left = await euicc.CleanupAsync().ConfigureAwait(false);
            trace.Flush();
            if (left.Count > 0)
            {
                string text = "could not undo: " + string.Join("; ", left);
                attachments.Add("cleanup", "text/plain", text);
                // The emulator is discarded anyway; when its scenario passed, a leftover still shows a clean-up that
                // would leave a card in a reader changed, so it fails too.
                if (scenario.TestError is null)
                {
                    findings.Add($"The scenario left the {(inProcess ? "emulated " : "")}card changed: {text}.");
                }
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Never out of the hook (the scenario's result would be lost): a finding, or beside the scenario's own failure.
            string text = $"The clean-up of the card failed: {e.Message}";
            attachments.Add("cleanup", "text/plain", text);
            if (scenario.TestError is null)
            {
                findings.Add(text);
            }
        }
        finally
        {
            await euicc.CloseAsync().ConfigureAwait(false);
            await smdp.DisposeAsync().ConfigureAwait(false);
        }
    }
}
