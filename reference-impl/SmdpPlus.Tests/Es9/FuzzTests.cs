using System.Net;
using Conformance.SmdpPlus.Store;
using Conformance.SmdpPlus.Tests.Support;
using Conformance.SmdpPlus.Tests.Doubles;

namespace Conformance.SmdpPlus.Tests.Es9;

/// <summary>
/// 10,000+ ES9+ requests mutated from valid ones (bit flips, truncations, insertions in the DER; changed
/// transactionIds; dropped or retyped JSON fields): the server answers every one in the binding's shape, never
/// HTTP 500 nor an unexpected-error status, and a normal download still works afterwards.
/// </summary>
public class FuzzTests
{
    private const int Mutations = 10_240;

    [Test]
    public async Task MutatedRequestsNeverBreakTheServer()
    {
        await using Es9Context c = await Es9Context.StartAsync();
        await c.ReleasedOrderAsync(1);
        await c.ReleasedOrderAsync(2);
        // Valid requests of every function, taken from a real download.
        var seeds = new List<(string Function, Dictionary<string, string> Fields)>();
        seeds.Add(("initiateAuthentication", new()
        {
            ["euiccChallenge"] = Convert.ToBase64String(c.Euicc.GetEuiccChallenge()),
            ["euiccInfo1"] = Convert.ToBase64String(c.Euicc.GetEuiccInfo1()),
            ["smdpAddress"] = c.Address,
        }));
        Es9Answer ia = await c.Lpa.InitiateAuthenticationAsync();
        string tid = ia.Field("transactionId");
        byte[] asr = c.Euicc.AuthenticateServer(DownloadLpa.AuthenticateServerRequestFrom(ia, "MATCH-00001").Encode());
        seeds.Add(("authenticateClient", new() { ["transactionId"] = tid, ["authenticateServerResponse"] = Convert.ToBase64String(asr) }));
        Es9Answer ac = await c.AuthenticateClientAsync(tid, asr);
        byte[] pdr = c.Euicc.PrepareDownload(DownloadLpa.PrepareDownloadRequestFrom(ac, tid, null).Encode());
        seeds.Add(("getBoundProfilePackage", new() { ["transactionId"] = tid, ["prepareDownloadResponse"] = Convert.ToBase64String(pdr) }));
        byte[] pir = c.Euicc.LoadBoundProfilePackage((await c.GetBppAsync(tid, pdr)).Base64("boundProfilePackage"));
        seeds.Add(("handleNotification", new() { ["pendingNotification"] = Convert.ToBase64String(pir) }));
        byte[] csr = c.Euicc.CancelSession(new Rsp.Asn1.Messages.CancelSessionRequest(Convert.FromHexString(tid), Rsp.StatusCodes.CancelSessionReason.timeout).Encode());
        seeds.Add(("cancelSession", new() { ["transactionId"] = tid, ["cancelSessionResponse"] = Convert.ToBase64String(csr) }));

        var rng = new Random(20240611);
        var requests = Enumerable.Range(0, Mutations).Select(i => Mutate(seeds[i % seeds.Count], rng)).ToList();
        int unexpected = 0;
        var statuses = new System.Collections.Concurrent.ConcurrentBag<HttpStatusCode>();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (r, ct) =>
        {
            Es9Answer a = await c.Lpa.PostAsync(r.Function, r.Body, ct);
            statuses.Add(a.HttpStatus);
            if (a.Code == "1.2 / 4.2" || (a.HttpStatus == HttpStatusCode.OK && a.Status is null))
            {
                Interlocked.Increment(ref unexpected);
            }
        });

        Assert.That(statuses, Has.Count.EqualTo(Mutations));
        Assert.That(statuses.Distinct(), Is.SubsetOf(new[] { HttpStatusCode.OK, HttpStatusCode.NoContent }));
        Assert.That(unexpected, Is.Zero, "no request ends in an unexpected error");
        // State intact: the fuzzed session's profile is still the one installed; another download works.
        Assert.That((await c.Store.GetProfileAsync(Es9Context.Iccid(1)))!.State, Is.EqualTo(SmdpProfileState.Downloaded).Or.EqualTo(SmdpProfileState.Installed));
        c.UseEuicc(TestDoubleEuicc.For(c.Pki));
        DownloadOutcome after = await c.Lpa.DownloadAsync("MATCH-00002");
        Assert.That(after.Installed, Is.True, after.ToString());
    }

    private static (string Function, Dictionary<string, object?> Body) Mutate((string Function, Dictionary<string, string> Fields) seed, Random rng)
    {
        var body = seed.Fields.ToDictionary(kv => kv.Key, kv => (object?)kv.Value);
        string field = seed.Fields.Keys.ElementAt(rng.Next(seed.Fields.Count));
        string value = seed.Fields[field];
        switch (rng.Next(8))
        {
            case 0:
                body.Remove(field);
                break;
            case 1:
                body[field] = rng.Next(2) == 0 ? 42 : null;
                break;
            case 2:
                body[field] = field == "transactionId" ? Convert.ToHexString(RandomBytes(rng, rng.Next(1, 20))) : value + "!";
                break;
            default:
                if (field is "transactionId" or "smdpAddress")
                {
                    body[field] = value[..rng.Next(value.Length)];
                    break;
                }
                byte[] der = Convert.FromBase64String(value);
                body[field] = Convert.ToBase64String(MutateBytes(der, rng));
                break;
        }
        return (seed.Function, body);
    }

    private static byte[] MutateBytes(byte[] der, Random rng)
    {
        var list = der.ToList();
        int n = 1 + rng.Next(3);
        for (int k = 0; k < n && list.Count > 0; k++)
        {
            int at = rng.Next(list.Count);
            switch (rng.Next(4))
            {
                case 0:
                    list[at] ^= (byte)(1 << rng.Next(8));
                    break;
                case 1:
                    list.RemoveRange(at, list.Count - at);
                    break;
                case 2:
                    list.InsertRange(at, RandomBytes(rng, 1 + rng.Next(4)));
                    break;
                default:
                    list[at] = (byte)rng.Next(256);
                    break;
            }
        }
        // A byte replaced by its own value leaves a valid request (a valid CancelSession really cancels the
        // session, which made this test fail about one run in five): every mutation must change the bytes.
        if (list.SequenceEqual(der))
        {
            list[rng.Next(list.Count)] ^= 0x01;
        }
        return list.ToArray();
    }

    private static byte[] RandomBytes(Random rng, int n)
    {
        byte[] b = new byte[n];
        rng.NextBytes(b);
        return b;
    }

}
