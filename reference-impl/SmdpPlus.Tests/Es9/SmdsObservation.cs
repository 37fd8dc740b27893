using Conformance.SmDs;
using Conformance.SmDs.Hosting;
using Conformance.SmdpPlus.Store;
using Conformance.SmdpPlus.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Conformance.SmdpPlus.Tests.Es9;

/// <summary>
/// The SM-DP+'s ES12 duties observed on a reference SM-DS (SGP.22 v2.5 §5.3.2, §3.6.1, §3.6.3): what DefectInjectionTests
/// asks for the ES12 defects, and the Event's deletion once the download has ended.
/// </summary>
public sealed class SmdsObservation : IAsyncDisposable
{
    public const string SmdsAddress = "lpa.ds.gsma.com";

    private readonly string _dir;

    private SmdsObservation(SmdsServer smds, Es9Context context, string dir)
    {
        Smds = smds;
        Context = context;
        _dir = dir;
    }

    public SmdsServer Smds { get; }

    public Es9Context Context { get; }

    public static async Task<SmdsObservation> StartAsync(IReadOnlySet<SmdpDefect>? defects = null)
    {
        string dir = Path.Combine(Path.GetTempPath(), "smds-obs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var smds = new SmdsServer(new SmdsOptions { Pki = Es9Context.TestPki, DatabasePath = Path.Combine(dir, "smds.db") },
            l => l.SetMinimumLevel(LogLevel.Warning));
        Uri url = await smds.StartAsync();
        Es9Context c = await Es9Context.StartAsync(configure: o => o with
        {
            SmdsEndpoints = new Dictionary<string, Uri> { [SmdsAddress] = url },
            Defects = defects ?? new HashSet<SmdpDefect>(),
        });
        return new SmdsObservation(smds, c, dir);
    }

    /// <summary>DownloadOrder + ConfirmOrder (release) of a new profile for <see cref="Es9Context.Eid"/> naming the SM-DS; the ConfirmOrder answer.</summary>
    public async Task<RspAnswer> ConfirmWithSmdsAsync(int i, string matchingId)
    {
        string iccid = Es9Context.Iccid(i);
        await Context.Store.AddProfileAsync(new ProfileRecord
        {
            Iccid = iccid, ProfileType = "Test", ProfileName = $"Profile {i}", ServiceProviderName = "Conformance Operator",
            Upp = Rsp.Saip.SyntheticProfile.Build(iccid, "Test", 3000),
        });
        using HttpClient op = Context.Harness.OperatorClient();
        RspAnswer order = await ServerHarness.PostAsync(op, "gsma/rsp2/es2plus/downloadOrder", ServerHarness.Es2Json(new { eid = Es9Context.Eid, iccid }));
        Assert.That(order.ExecutionStatus, Is.EqualTo("Executed-Success"));
        return await ServerHarness.PostAsync(op, "gsma/rsp2/es2plus/confirmOrder",
            ServerHarness.Es2Json(new { iccid, eid = Es9Context.Eid, matchingId, smdsAddress = SmdsAddress, releaseFlag = true }));
    }

    /// <summary>The Event Records on the SM-DS: (EID, EventID, RSP Server address).</summary>
    public async Task<IReadOnlyList<(string Eid, string EventId, string Address)>> EventsAsync() =>
        [.. (await Smds.Store.EventsAsync(null)).Select(e => (e.Eid, e.EventId, e.RspServerAddress))];

    /// <summary>The observation of DefectInjectionTests for the ES12 defects: true when the SM-DP+ registered the right Event.</summary>
    public static async Task<bool> ObserveAsync(SmdpDefect defect, bool on)
    {
        await using SmdsObservation o = await StartAsync(on ? new HashSet<SmdpDefect> { defect } : null);
        RspAnswer confirm = await o.ConfirmWithSmdsAsync(1, "EVENT-00001");
        if (defect == SmdpDefect.NoDeleteEvent)
        {
            // SGP.22 v2.5 §3.6.3: CancelOrder of an order with an Event deletes the Event on the SM-DS.
            using HttpClient op = o.Context.Harness.OperatorClient();
            RspAnswer cancel = await ServerHarness.PostAsync(op, "gsma/rsp2/es2plus/cancelOrder", ServerHarness.Es2Json(new
            {
                iccid = Es9Context.Iccid(1), eid = Es9Context.Eid, matchingId = "EVENT-00001", finalProfileStatusIndicator = "Available",
            }));
            return confirm.ExecutionStatus == "Executed-Success" && cancel.ExecutionStatus == "Executed-Success" && (await o.EventsAsync()).Count == 0;
        }
        return confirm.ExecutionStatus == "Executed-Success"
            && (await o.EventsAsync()).SequenceEqual([(Es9Context.Eid, "EVENT-00001", o.Context.Address)]);
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await Smds.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>SGP.22 v2.5 §3.6.3: the SM-DP+ deletes the Event of an order whose download has ended (ProfileInstallationResult).</summary>
public sealed class SmdsEventDeletionTests
{
    [Test]
    public async Task The_event_is_deleted_when_the_profile_is_installed()
    {
        await using SmdsObservation o = await SmdsObservation.StartAsync();
        RspAnswer confirm = await o.ConfirmWithSmdsAsync(1, "EVENT-00001");
        Assert.That(confirm.ExecutionStatus, Is.EqualTo("Executed-Success"));
        Assert.That(await o.EventsAsync(), Has.Count.EqualTo(1));
        Assert.That((await o.Context.Lpa.DownloadAsync("EVENT-00001")).Installed, Is.True);
        Assert.That(await o.EventsAsync(), Is.Empty);
    }
}
