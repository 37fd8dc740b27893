using System.Security.Cryptography.X509Certificates;
using Conformance.SmdpPlus;
using Conformance.SmdpPlus.Crypto;
using Conformance.SmdpPlus.Hosting;
using Conformance.SmdpPlus.Store;
using Microsoft.Extensions.Logging;
using static Conformance.SmDs.Tests.SmdsHarness;

namespace Conformance.SmDs.Tests;

/// <summary>
/// The reference SM-DP+'s ES12 duties against the reference SM-DS (SGP.22 v2.5 §5.3.2, §3.6.1, §3.6.3): ConfirmOrder with
/// an smdsAddress registers the Event (EventID = MatchingID), an unreachable SM-DS fails it 8.9 / 5.1, CancelOrder deletes it.
/// </summary>
public sealed class SmdpEs12Tests
{
    private const string SmdsAddress = "lpa.ds.gsma.com";
    private static int _next;

    private SmdsHarness _smds = null!;
    private string _dir = "";

    [SetUp]
    public async Task SetUp()
    {
        _smds = await SmdsHarness.StartAsync();
        _dir = Path.Combine(_smds.Directory, "smdp");
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public async Task TearDown() => await _smds.DisposeAsync();

    private async Task<SmdpServer> StartSmdpAsync(Uri? smds, params SmdpDefect[] defects)
    {
        var options = new SmdpOptions
        {
            Pki = Pki,
            TlsCertificate = CertificateWithKey.Of(Nist.DpTls),
            OperatorClientCa = [X509CertificateLoader.LoadCertificate(Pki.Operator!.Ca.Der)],
            DatabasePath = Path.Combine(_dir, $"smdp-{Interlocked.Increment(ref _next)}.db"),
            SmdsEndpoints = smds is null ? new Dictionary<string, Uri>() : new Dictionary<string, Uri> { [SmdsAddress] = smds },
            Es12Timeout = TimeSpan.FromSeconds(3),
            Defects = new HashSet<SmdpDefect>(defects),
        };
        var smdp = new SmdpServer(options, configureLogging: l => l.SetMinimumLevel(LogLevel.Warning));
        await smdp.StartAsync();
        return smdp;
    }

    private static HttpClient Operator() => Client(CertificateWithKey.Of(Pki.Operator!.Client, Pki.Operator.ClientKey!));

    private async Task<(string Iccid, SmdsAnswer Confirm)> OrderAsync(SmdpServer smdp, HttpClient op, string? smdsAddress = SmdsAddress, string matchingId = "MID-1")
    {
        string iccid = $"89049032000000{Interlocked.Increment(ref _next):D5}";
        await smdp.Store.AddProfileAsync(new ProfileRecord { Iccid = iccid, ProfileType = "Test" });
        var dp = new SmdpCaller(smdp.BaseAddress!, op);
        SmdsAnswer download = await dp.Post("downloadOrder", new { header = Header, eid = Eid1, iccid });
        Assert.That(download.Status, Is.EqualTo("Executed-Success"), download.Body.ToString());
        return (iccid, await dp.Post("confirmOrder", new { header = Header, iccid, eid = Eid1, matchingId, smdsAddress, releaseFlag = true }));
    }

    private async Task<IEnumerable<(string Eid, string EventId, string Address)>> Events() =>
        (await _smds.Server.Store.EventsAsync(null)).Select(e => (e.Eid, e.EventId, e.RspServerAddress));

    [Test]
    public async Task ConfirmOrder_registers_the_event_and_CancelOrder_deletes_it()
    {
        await using SmdpServer smdp = await StartSmdpAsync(_smds.Url);
        using HttpClient op = Operator();
        (string iccid, SmdsAnswer confirm) = await OrderAsync(smdp, op);
        Assert.That(confirm.Status, Is.EqualTo("Executed-Success"), confirm.Body.ToString());
        Assert.That(await Events(), Is.EqualTo(new[] { (Eid1, "MID-1", smdp.Services.GetService(typeof(SmdpOptions)) is SmdpOptions o ? o.SmdpAddress : "") }));

        SmdsAnswer cancel = await new SmdpCaller(smdp.BaseAddress!, op).Post("cancelOrder", new { header = Header, iccid, eid = Eid1, matchingId = "MID-1", finalProfileStatusIndicator = "Available" });
        Assert.That(cancel.Status, Is.EqualTo("Executed-Success"), cancel.Body.ToString());
        Assert.That(await Events(), Is.Empty);
    }

    [Test]
    public async Task An_unreachable_smds_fails_ConfirmOrder_8_9_5_1_and_confirms_nothing()
    {
        var dead = new Uri("https://127.0.0.1:9/");
        await using SmdpServer smdp = await StartSmdpAsync(dead);
        using HttpClient op = Operator();
        (string iccid, SmdsAnswer confirm) = await OrderAsync(smdp, op);
        Assert.That(confirm.Code, Is.EqualTo("8.9 / 5.1"));
        Assert.That((await smdp.Store.GetProfileAsync(iccid))!.State, Is.EqualTo(SmdpProfileState.Linked));
    }

    [Test]
    public async Task A_refused_registration_fails_ConfirmOrder_8_9_4_2()
    {
        await using SmdpServer smdp = await StartSmdpAsync(_smds.Url);
        using HttpClient op = Operator();
        Assert.That((await OrderAsync(smdp, op, matchingId: "SAME")).Confirm.Status, Is.EqualTo("Executed-Success"));
        // A second SM-DP+ database, the same EID and MatchingID: the SM-DS already has that Event Record (8.9.5 / 3.3).
        await using SmdpServer other = await StartSmdpAsync(_smds.Url);
        Assert.That((await OrderAsync(other, op, matchingId: "SAME")).Confirm.Code, Is.EqualTo("8.9 / 4.2"));
    }

    [Test]
    public async Task Without_an_endpoint_the_address_is_only_stored_as_before()
    {
        await using SmdpServer smdp = await StartSmdpAsync(null);
        using HttpClient op = Operator();
        Assert.That((await OrderAsync(smdp, op)).Confirm.Status, Is.EqualTo("Executed-Success"));
        Assert.That(await Events(), Is.Empty);
    }

    [Test]
    public async Task Defect_NoRegisterEvent_confirms_without_registering()
    {
        await using SmdpServer smdp = await StartSmdpAsync(_smds.Url, SmdpDefect.NoRegisterEvent);
        using HttpClient op = Operator();
        Assert.That((await OrderAsync(smdp, op)).Confirm.Status, Is.EqualTo("Executed-Success"));
        Assert.That(await Events(), Is.Empty);
    }

    [Test]
    public async Task Defect_WrongEidInRegisterEvent_registers_another_eid()
    {
        await using SmdpServer smdp = await StartSmdpAsync(_smds.Url, SmdpDefect.WrongEidInRegisterEvent);
        using HttpClient op = Operator();
        Assert.That((await OrderAsync(smdp, op)).Confirm.Status, Is.EqualTo("Executed-Success"));
        Assert.That((await Events()).Single().Eid, Is.Not.EqualTo(Eid1));
    }

    /// <summary>ES2+ calls as the operator.</summary>
    private sealed class SmdpCaller(Uri smdp, HttpClient op)
    {
        public async Task<SmdsAnswer> Post(string function, object body)
        {
            using var content = new StringContent(System.Text.Json.JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(smdp, "gsma/rsp2/es2plus/" + function)) { Content = content };
            request.Headers.Add("X-Admin-Protocol", "gsma/rsp/v2.5.0");
            using HttpResponseMessage response = await op.SendAsync(request);
            return new SmdsAnswer((int)response.StatusCode, System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
        }
    }
}
