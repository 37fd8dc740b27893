using System.Diagnostics;
using System.Text.Json;
using Conformance.SmdpPlus.Store;
using Conformance.Steps.Support;

namespace Conformance.Steps.Drivers;

/// <summary>
/// ES2+ HandleDownloadProgressInfo (SGP.22 v2.5 §5.3.5) as the operator receives it, and the download
/// that makes the SM-DP+ send it. Until the ES9+ drivers land, the download is a stand-in that moves the
/// profile's state inside the reference SM-DP+ (so these scenarios are tagged @reference-only).
/// </summary>
public sealed class DownloadProgressDriver(HarnessRun run, OrderSession session)
{
    /// <summary>Stand-in for a profile download and installation by the eUICC (reference SM-DP+ only).</summary>
    public async Task DownloadAsync(bool installed)
    {
        SmdpStore store = (run.Reference ?? throw new InvalidOperationException(
            "this step needs the bundled reference SM-DP+ until the ES9+ drivers can run a real download")).Store;
        string iccid = session.RequireIccid();
        if (!installed)
        {
            await Change(store, iccid, SmdpProfileState.Released, SmdpProfileState.Error).ConfigureAwait(false);
            return;
        }

        await Change(store, iccid, SmdpProfileState.Released, SmdpProfileState.Downloaded).ConfigureAwait(false);
        await Change(store, iccid, SmdpProfileState.Downloaded, SmdpProfileState.Installed).ConfigureAwait(false);
    }

    /// <summary>Waits (bounded by the configured timeout) until <paramref name="count"/> messages about the scenario's profile arrived.</summary>
    public async Task<IReadOnlyList<JsonElement>> ReceivedAsync(int count)
    {
        string iccid = session.RequireIccid();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var mine = run.Operator.DownloadProgressInfos()
                .Where(m => m.TryGetProperty("iccid", out JsonElement i) && i.GetString() == iccid).ToList();
            if (mine.Count >= count || clock.Elapsed > run.Config.Timeout)
            {
                return mine;
            }

            await Task.Delay(50).ConfigureAwait(false);
        }
    }

    private static async Task Change(SmdpStore store, string iccid, SmdpProfileState from, SmdpProfileState to)
    {
        if (!await store.ChangeStateAsync(iccid, from, to, Identifiers.Eid1).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"the reference SM-DP+ refused the state change {from} -> {to} of {iccid}");
        }
    }
}
