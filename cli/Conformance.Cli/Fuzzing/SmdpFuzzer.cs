using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Conformance.Euicc.Card;
using Conformance.Euicc.Es10;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Pki;
using Conformance.SmdpPlus;
using Conformance.SmdpPlus.Hosting;
using Conformance.SmdpPlus.Store;
using Microsoft.Extensions.Logging;

namespace Conformance.Cli.Fuzzing;

/// <summary>
/// Issue #14's black-box probes of the bundled SM-DP+, as a client that owes it nothing: a server is started on loopback
/// with the generated test PKI, valid requests of every ES9+ function are made with the emulated eUICC (seeds), and
/// <c>N</c> requests derived from them are sent, each in its own TLS connection with the bytes written as they are.
/// Every answer is judged by the binding's rule (SGP.22 v2.5 §6.5 JSON, §6.6 ASN.1): a Failed status with a request-error
/// code (reason 2.x) or the certificate/function code the input earns, 204 where the function answers so, HTTP 400 where
/// the request cannot be framed or the ASN.1 binding cannot take it; never HTTP 500, never 1.2/4.2 (an unexpected error)
/// for an input fault, never an exception type or stack frame in a message, never a response header that is not ASCII.
/// </summary>
public sealed class SmdpFuzzer : IAsyncDisposable
{
    private const string Es9 = "/gsma/rsp2/es9plus/";
    private readonly SmdpServer _server;
    private readonly Es10Handler _euicc;
    private readonly int _port;
    private readonly string _address;
    private readonly string _dir;
    private readonly List<Seed> _seeds = [];

    private SmdpFuzzer(SmdpServer server, Es10Handler euicc, int port, string address, string dir)
    {
        _server = server;
        _euicc = euicc;
        _port = port;
        _address = address;
        _dir = dir;
    }

    /// <summary>A valid request of one function: its path and JSON fields (the DER ones base64).</summary>
    private sealed record Seed(string Function, Dictionary<string, string> Fields);

    /// <summary>One probe: the class it belongs to, how it was made, the bytes to send, and what answers are right.</summary>
    public sealed record Probe(string Class, string What, string Head, byte[] Body, Func<Answer, string?> Judge);

    /// <summary>What came back: HTTP status, headers, body; or the transport failure.</summary>
    public sealed record Answer(int Status, IReadOnlyDictionary<string, string> Headers, string Body, string? Failure, TimeSpan Elapsed);

    /// <summary>Per class: sent, answered right, and the first wrong answers.</summary>
    public sealed record ClassResult(string Class, int Sent, int Right, IReadOnlyList<string> Wrong);

    public static async Task<SmdpFuzzer> StartAsync(CancellationToken ct)
    {
        string dir = Path.Combine(Path.GetTempPath(), "conformance-fuzz-smdp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        TestPki pki = TestPkiGenerator.Generate(new TestPkiOptions { LoopbackSans = true, TlsHost = "localhost", IncludeNegativeVariants = false });
        CurvePki nist = pki.For(Rsp.Crypto.RspCurve.NistP256);
        var options = new SmdpOptions
        {
            Port = 0,
            DatabasePath = Path.Combine(dir, "smdp.db"),
            SmdpAddress = "localhost",
            TlsCertificate = Commands.SmdpCommands.WithKey(nist.DpTls.Certificate, nist.DpTls.RequirePrivateKey()),
            Pki = pki,
            MaxRequestBodyBytes = 64 * 1024,
        };
        var server = new SmdpServer(options, configureLogging: l => l.SetMinimumLevel(LogLevel.None));
        Uri url = await server.StartAsync(ct).ConfigureAwait(false);
        var euicc = new Es10Handler(EuiccIdentity.FromPki(pki));
        var fuzzer = new SmdpFuzzer(server, euicc, url.Port, "localhost", dir);
        await fuzzer.MakeSeedsAsync(ct).ConfigureAwait(false);
        return fuzzer;
    }

    /// <summary>Seeds: a released order, then InitiateAuthentication, AuthenticateClient, GetBoundProfilePackage, HandleNotification, CancelSession made for real.</summary>
    private async Task MakeSeedsAsync(CancellationToken ct)
    {
        const string iccid = "8904903200000000017";
        SmdpStore store = _server.Store;
        await store.AddProfileAsync(new ProfileRecord
        {
            Iccid = iccid,
            ProfileType = "Test",
            State = SmdpProfileState.Released,
            ProfileName = "Fuzz",
            ServiceProviderName = "Conformance Operator",
            Upp = Rsp.Saip.SyntheticProfile.Build(iccid, "Test", 2000),
        }).ConfigureAwait(false);
        await using (StoreTransaction tx = await store.BeginAsync().ConfigureAwait(false))
        {
            await tx.SaveOrderAsync(new OrderRecord
            {
                Iccid = iccid, Eid = _euicc.Eid, MatchingId = "FUZZ-SEED", ReleaseFlag = true,
                ConfirmationCodeAttemptsLeft = 3, DownloadAttemptsLeft = 1000, ExpiresAt = DateTimeOffset.UtcNow.AddDays(1),
            }).ConfigureAwait(false);
            await tx.CommitAsync().ConfigureAwait(false);
        }

        byte[] challenge = Es10(new GetEuiccChallengeRequest().Encode());
        byte[] info1 = Es10([0xBF, 0x20, 0x00]);
        var ia = new Dictionary<string, string>
        {
            ["euiccChallenge"] = Convert.ToBase64String(GetEuiccChallengeResponse.Decode(challenge).EuiccChallenge),
            ["euiccInfo1"] = Convert.ToBase64String(info1),
            ["smdpAddress"] = _address,
        };
        _seeds.Add(new("initiateAuthentication", ia));
        JsonElement iaAnswer = await CallAsync("initiateAuthentication", ia, ct).ConfigureAwait(false);
        string tid = iaAnswer.GetProperty("transactionId").GetString()!;
        var asRequest = new AuthenticateServerRequest(
            ServerSigned1.Decode(Convert.FromBase64String(iaAnswer.GetProperty("serverSigned1").GetString()!)),
            Octets(Convert.FromBase64String(iaAnswer.GetProperty("serverSignature1").GetString()!)),
            Octets(Convert.FromBase64String(iaAnswer.GetProperty("euiccCiPKIdToBeUsed").GetString()!)),
            Convert.FromBase64String(iaAnswer.GetProperty("serverCertificate").GetString()!),
            CtxParams1.Common(new CtxParamsForCommonAuthentication("FUZZ-SEED",
                new DeviceInfo(Convert.FromHexString("35290611"), new DeviceCapabilities { EutranEpcSupportedRelease = new VersionType(13, 0, 0) }))));
        byte[] asr = Es10(asRequest.Encode());
        _seeds.Add(new("authenticateClient", new() { ["transactionId"] = tid, ["authenticateServerResponse"] = Convert.ToBase64String(asr) }));
        // The seeds of later functions keep the session's transactionId: their mutations meet a live session.
        _seeds.Add(new("getBoundProfilePackage", new() { ["transactionId"] = tid, ["prepareDownloadResponse"] = Convert.ToBase64String(FakePrepareDownloadResponse) }));
        _seeds.Add(new("cancelSession", new() { ["transactionId"] = tid, ["cancelSessionResponse"] = Convert.ToBase64String(Es10(new CancelSessionRequest(Convert.FromHexString(tid), Rsp.StatusCodes.CancelSessionReason.timeout).Encode())) }));
        _seeds.Add(new("handleNotification", new() { ["pendingNotification"] = "vzeBgQ==" }));
    }

    /// <summary>The contents of one TLV (the JSON binding carries serverSignature1 and euiccCiPKIdToBeUsed with their tags).</summary>
    private static byte[] Octets(byte[] tlv)
    {
        System.Formats.Asn1.AsnDecoder.ReadEncodedValue(tlv, System.Formats.Asn1.AsnEncodingRules.BER, out int offset, out int length, out _);
        return tlv.AsSpan(offset, length).ToArray();
    }

    // A PrepareDownloadResponse-shaped value: GetBoundProfilePackage's checks of it are what the mutations exercise.
    private static readonly byte[] FakePrepareDownloadResponse = [0xBF, 0x21, 0x05, 0xA0, 0x03, 0x80, 0x01, 0x00];

    private byte[] Es10(byte[] command) => _euicc.Handle(command);

    private async Task<JsonElement> CallAsync(string function, Dictionary<string, string> fields, CancellationToken ct)
    {
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(fields);
        Answer a = await SendAsync(JsonHead(Es9 + function, body.Length), body, ct).ConfigureAwait(false);
        using JsonDocument doc = JsonDocument.Parse(a.Body);
        return doc.RootElement.Clone();
    }

    private static string JsonHead(string path, int length, string adminProtocol = "X-Admin-Protocol: gsma/rsp/v2.2.0\r\n", string contentType = "application/json") =>
        $"POST {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: {contentType}\r\n{adminProtocol}Connection: close\r\nContent-Length: {length}\r\n\r\n";

    /// <summary>The probes of a run: <paramref name="count"/> of them, the classes in turn, from <paramref name="seed"/>.</summary>
    public IReadOnlyList<Probe> Probes(int count, int seed)
    {
        var rng = new Random(seed);
        var makers = new Func<Random, Probe>[] { HeaderProbe, BodyProbe, TextProbe, FramingProbe, CertificateProbe };
        return [.. Enumerable.Range(0, count).Select(i => makers[i % makers.Length](rng))];
    }

    // --- the classes ---

    private static readonly string[] BadHeaderValues =
    [
        "gsma/rsp/v\u0662.\u0662.\u0660", "gsma/rsp/v\uFF12.2.0", "gsma/rsp/v2.2.0\u0001", "gsma/rsp/v2.2.0\u007F", "gsma/rsp/v2.2.\u00B2",
        "", "gsma/rsp/v2.2", "gsma/rsp/v99999.0.0", "GSMA/RSP/V2.2.0", "gsma/rsp/v\u0966.2.0",
    ];

    /// <summary>Unicode digits and control characters in every header the server reads or echoes (X-Admin-Protocol, Content-Type), both bindings.</summary>
    private Probe HeaderProbe(Random rng)
    {
        string value = BadHeaderValues[rng.Next(BadHeaderValues.Length)];
        bool asn1 = rng.Next(3) == 0;
        bool inContentType = !asn1 && rng.Next(4) == 0;
        Seed s = _seeds[0];
        byte[] body = asn1 ? Convert.FromBase64String(s.Fields["euiccInfo1"]) : JsonSerializer.SerializeToUtf8Bytes(s.Fields);
        string head = asn1
            ? $"POST /gsma/rsp2/asn1 HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-gsma-rsp-asn1\r\nX-Admin-Protocol: {value}\r\nConnection: close\r\nContent-Length: {body.Length}\r\n\r\n"
            : inContentType ? JsonHead(Es9 + s.Function, body.Length, contentType: "application/json; charset=" + value)
            : JsonHead(Es9 + s.Function, body.Length, adminProtocol: $"X-Admin-Protocol: {value}\r\n");
        return new("header", $"{(asn1 ? "ASN.1" : inContentType ? "Content-Type" : "X-Admin-Protocol")} '{Escape(value)}'", head, body,
            a => asn1 ? (a.Status == 400 ? null : $"HTTP {a.Status}, expected 400") : RequestError(a));
    }

    /// <summary>Mutated DER inside valid JSON (bit flips, truncations, insertions), dropped or retyped fields, of every function.</summary>
    private Probe BodyProbe(Random rng)
    {
        Seed s = _seeds[rng.Next(_seeds.Count)];
        var fields = new Dictionary<string, object?>(s.Fields.ToDictionary(kv => kv.Key, kv => (object?)kv.Value));
        string key = fields.Keys.ElementAt(rng.Next(fields.Count));
        string what;
        switch (rng.Next(4))
        {
            case 0:
                fields.Remove(key);
                what = $"{key} dropped";
                break;
            case 1:
                fields[key] = rng.Next(2) == 0 ? 42 : new[] { 1 };
                what = $"{key} retyped";
                break;
            default:
                byte[] der = TryBase64(s.Fields[key]) ?? Encoding.ASCII.GetBytes(s.Fields[key]);
                fields[key] = Convert.ToBase64String(MutateBytes(der, rng, out what));
                what = $"{key}: {what}";
                break;
        }
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(fields);
        return new("body", $"{s.Function} {what}", JsonHead(Es9 + s.Function, body.Length), body, a => NotAServerFault(a, s.Function));
    }

    /// <summary>Invalid UTF-8, encoded and escaped lone surrogates, control characters inside JSON strings.</summary>
    private Probe TextProbe(Random rng)
    {
        byte[][] bad = [[0xC3, 0x28], [0xED, 0xA0, 0x80], "\\ud800"u8.ToArray(), "\\udfff\\ud800"u8.ToArray(), [0xFF], [0xF8, 0x88, 0x80, 0x80, 0x80], [0x01], "\\u0000"u8.ToArray()];
        Seed s = _seeds[rng.Next(_seeds.Count)];
        string key = s.Fields.Keys.ElementAt(rng.Next(s.Fields.Count));
        byte[] inject = bad[rng.Next(bad.Length)];
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(s.Fields);
        int at = json.AsSpan().IndexOf(Encoding.UTF8.GetBytes($"\"{key}\":\"")) + key.Length + 4 + rng.Next(Math.Max(1, s.Fields[key].Length));
        byte[] bytes = [.. json[..at], .. inject, .. json[at..]];
        return new("text", $"{s.Function} {key} with {Convert.ToHexString(inject)}", JsonHead(Es9 + s.Function, bytes.Length), bytes, a => NotAServerFault(a, s.Function));
    }

    /// <summary>Chunked bodies that cannot be de-framed: sizes not hex or overflowing, data without CRLF, a missing last chunk.</summary>
    private Probe FramingProbe(Random rng)
    {
        Seed s = _seeds[rng.Next(_seeds.Count)];
        string json = JsonSerializer.Serialize(s.Fields);
        string[] frames =
        [
            $"zz\r\n{json}\r\n0\r\n\r\n", $"FFFFFFFFFFFFFFFF\r\n{json}\r\n0\r\n\r\n", $"{json.Length:X}\r\n{json}XX0\r\n\r\n",
            $"-1\r\n{json}\r\n0\r\n\r\n", $"{json.Length:X} {json.Length:X}\r\n{json}\r\n0\r\n\r\n",
        ];
        // A body that stops short (a chunk announced longer than sent, no last chunk) waits for Kestrel's body timeout and is
        // answered 408 (RFC 9110 §15.5.9): one probe in twenty, or the run would mostly wait.
        string[] incomplete = [$"{json.Length + 10:X}\r\n{json}\r\n0\r\n\r\n", $"{json.Length:X}\r\n{json}\r\n"];
        bool stopsShort = rng.Next(20) == 0;
        string body = stopsShort ? incomplete[rng.Next(incomplete.Length)] : frames[rng.Next(frames.Length)];
        string head = $"POST {Es9}{s.Function} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nX-Admin-Protocol: gsma/rsp/v2.2.0\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n";
        return new("framing", $"{s.Function} chunked '{Escape(body[..Math.Min(20, body.Length)])}...'", head, Encoding.Latin1.GetBytes(body),
            a => Basic(a) ?? (a.Status == 400 || (stopsShort && a.Status == 408) || (a.Status == 200 && RequestError(a) is null) ? null
                : $"HTTP {a.Status}: {Short(a.Body)}, expected {(stopsShort ? "408" : "400")} or a request error"));
    }

    /// <summary>Corruption of every field of CERT.EUICC and CERT.EUM in AuthenticateClient, and TBS/outer algorithm mismatches.</summary>
    private Probe CertificateProbe(Random rng)
    {
        Seed s = _seeds[1];
        var asr = AuthenticateServerResponse.Decode(Convert.FromBase64String(s.Fields["authenticateServerResponse"]));
        AuthenticateResponseOk ok = asr.AuthenticateResponseOk!;
        bool eum = rng.Next(2) == 0;
        byte[] cert = eum ? ok.EumCertificate : ok.EuiccCertificate;
        string what;
        byte[] changed;
        if (rng.Next(5) == 0)
        {
            changed = CertificateMutations.OuterAlgorithmChanged(cert);
            what = "outer signatureAlgorithm differs from the TBS one";
        }
        else
        {
            (changed, what) = CertificateMutations.CorruptField(cert, rng);
        }
        var resent = AuthenticateServerResponse.Ok(eum ? ok with { EumCertificate = changed } : ok with { EuiccCertificate = changed });
        var fields = new Dictionary<string, string>(s.Fields) { ["authenticateServerResponse"] = Convert.ToBase64String(resent.Encode()) };
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(fields);
        return new("certificate", $"{(eum ? "CERT.EUM" : "CERT.EUICC")}: {what}", JsonHead(Es9 + "authenticateClient", body.Length), body, a =>
        {
            if (NotAServerFault(a, "authenticateClient") is { } fault)
            {
                return fault;
            }
            return Status(a) == "Executed-Success" ? "a corrupted certificate was accepted" : null;
        });
    }

    // --- judging ---

    private static string? RequestError(Answer a)
    {
        if (Basic(a) is { } problem)
        {
            return problem;
        }
        string? reason = Code(a)?.Split(" / ")[^1];
        return a.Status == 200 && reason is not null && reason.StartsWith("2.", StringComparison.Ordinal) ? null : $"HTTP {a.Status} {Code(a)}, expected a request error (reason 2.x)";
    }

    private static string? NotAServerFault(Answer a, string function)
    {
        if (Basic(a) is { } problem)
        {
            return problem;
        }
        if (a.Status == 204 && function == "handleNotification")
        {
            return null;
        }
        if (a.Status != 200 || Status(a) is null)
        {
            return $"HTTP {a.Status}: {Short(a.Body)}";
        }
        return Code(a) == "1.2 / 4.2" ? $"an unexpected error for the client's fault: {Short(a.Body)}" : null;
    }

    /// <summary>What every answer must be: there, not 5xx, no exception text, ASCII headers.</summary>
    private static string? Basic(Answer a)
    {
        if (a.Failure is { } f)
        {
            return f;
        }
        if (a.Status >= 500)
        {
            return $"HTTP {a.Status}";
        }
        if (a.Body.Contains("   at ", StringComparison.Ordinal) || a.Body.Contains("Exception", StringComparison.Ordinal) || a.Body.Contains("System.", StringComparison.Ordinal))
        {
            return $"exception text in the answer: {Short(a.Body)}";
        }
        return a.Headers.Values.Any(v => v.Any(c => c > 0x7E || c < 0x20)) ? "a response header that is not printable ASCII" : null;
    }

    private static string? Status(Answer a) => Header(a)?.GetProperty("status").GetString();

    private static string? Code(Answer a) =>
        Header(a) is { } h && h.TryGetProperty("statusCodeData", out JsonElement d)
            ? $"{d.GetProperty("subjectCode").GetString()} / {d.GetProperty("reasonCode").GetString()}"
            : null;

    private static JsonElement? Header(Answer a)
    {
        try
        {
            using JsonDocument doc = JsonDocument.Parse(a.Body);
            return doc.RootElement.TryGetProperty("header", out JsonElement h) && h.TryGetProperty("functionExecutionStatus", out JsonElement s) ? s.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // --- sending ---

    /// <summary>Sends every probe (<paramref name="parallel"/> at a time) and judges its answer; then an oversized HTTP/2 body and a liveness check.</summary>
    public async Task<IReadOnlyList<ClassResult>> RunAsync(IReadOnlyList<Probe> probes, int parallel, CancellationToken ct)
    {
        var wrong = new ConcurrentDictionary<string, ConcurrentQueue<string>>();
        var right = new ConcurrentDictionary<string, int>();
        await Parallel.ForEachAsync(probes, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = ct }, async (p, token) =>
        {
            Answer a = await SendAsync(p.Head, p.Body, token).ConfigureAwait(false);
            if (p.Judge(a) is { } problem)
            {
                wrong.GetOrAdd(p.Class, _ => new()).Enqueue($"{p.What}: {problem}");
            }
            else
            {
                right.AddOrUpdate(p.Class, 1, (_, n) => n + 1);
            }
        }).ConfigureAwait(false);

        var results = probes.GroupBy(p => p.Class).Select(g => new ClassResult(g.Key, g.Count(), right.GetValueOrDefault(g.Key),
            wrong.TryGetValue(g.Key, out var w) ? [.. w.GroupBy(x => x[..Math.Min(x.Length, 48)]).Select(k => $"{k.Count()} x {k.First()}").Take(8)] : [])).ToList();
        results.Add(await OversizedHttp2Async(ct).ConfigureAwait(false));
        results.Add(await LivenessAsync(ct).ConfigureAwait(false));
        return results;
    }

    private async Task<Answer> SendAsync(string head, byte[] body, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(TimeSpan.FromSeconds(15));
        try
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(IPAddress.Loopback, _port, cts.Token).ConfigureAwait(false);
            await using var ssl = new SslStream(tcp.GetStream(), false, (_, _, _, _) => true);
            await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = "localhost",
                ApplicationProtocols = [SslApplicationProtocol.Http11],
            }, cts.Token).ConfigureAwait(false);
            await ssl.WriteAsync(Encoding.UTF8.GetBytes(head), cts.Token).ConfigureAwait(false);
            try
            {
                await ssl.WriteAsync(body, cts.Token).ConfigureAwait(false);
            }
            catch (IOException)
            {
                // The server may answer and close before the whole body went: read what it said.
            }
            var received = new MemoryStream();
            var buffer = new byte[16384];
            try
            {
                int n;
                while ((n = await ssl.ReadAsync(buffer, cts.Token).ConfigureAwait(false)) > 0)
                {
                    await received.WriteAsync(buffer.AsMemory(0, n), cts.Token).ConfigureAwait(false);
                }
            }
            catch (IOException) when (received.Length > 0)
            {
                // A reset after the answer.
            }
            return Parse(received.ToArray(), watch.Elapsed);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or System.Security.Authentication.AuthenticationException)
        {
            return new Answer(0, new Dictionary<string, string>(), "", cts.IsCancellationRequested && !ct.IsCancellationRequested
                ? "no answer within 15 s" : $"transport failure ({ErrorTextOf(e)})", watch.Elapsed);
        }
    }

    private static string ErrorTextOf(Exception e) => Rsp.ErrorText.Of(e);

    private static Answer Parse(byte[] raw, TimeSpan elapsed)
    {
        string text = Encoding.Latin1.GetString(raw);
        int split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (!text.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) || split < 0)
        {
            return new Answer(0, new Dictionary<string, string>(), "", raw.Length == 0 ? "the connection closed without an answer" : "not an HTTP answer", elapsed);
        }
        string[] lines = text[..split].Split("\r\n");
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
            .GroupBy(p => p[0].Trim(), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First()[1].Trim(), StringComparer.OrdinalIgnoreCase);
        // Latin-1 maps each byte to one char: the body starts at the same index in both.
        string body = Encoding.UTF8.GetString(raw, split + 4, raw.Length - split - 4);
        return new Answer(int.Parse(lines[0].AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture), headers, body, null, elapsed);
    }

    /// <summary>A 20 MB body over HTTP/2: answered, and the exchange over well before the client's timeout.</summary>
    private async Task<ClassResult> OversizedHttp2Async(CancellationToken ct)
    {
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        using var http = new HttpClient(handler) { BaseAddress = new Uri($"https://localhost:{_port}/"), Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Post, Es9.TrimStart('/') + "initiateAuthentication")
        {
            Content = new ByteArrayContent(new byte[20 * 1024 * 1024]),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-Admin-Protocol", "gsma/rsp/v2.2.0");
        var watch = Stopwatch.StartNew();
        string? problem;
        try
        {
            using HttpResponseMessage response = await http.SendAsync(request, ct).ConfigureAwait(false);
            string body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            problem = !body.Contains("\"2.1\"", StringComparison.Ordinal) ? $"HTTP {(int)response.StatusCode}: {Short(body)}"
                : watch.Elapsed > TimeSpan.FromSeconds(10) ? $"the exchange took {watch.Elapsed.TotalSeconds:0.0} s" : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            problem = $"no answer: {ErrorTextOf(e)}";
        }
        return new ClassResult("http2-oversized", 1, problem is null ? 1 : 0, problem is null ? [] : [$"20 MB body: {problem}"]);
    }

    /// <summary>After all that, a valid InitiateAuthentication still succeeds.</summary>
    private async Task<ClassResult> LivenessAsync(CancellationToken ct)
    {
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(_seeds[0].Fields);
        Answer a = await SendAsync(JsonHead(Es9 + "initiateAuthentication", body.Length), body, ct).ConfigureAwait(false);
        bool ok = a.Status == 200 && Status(a) == "Executed-Success";
        return new ClassResult("liveness", 1, ok ? 1 : 0, ok ? [] : [$"a valid InitiateAuthentication after the probes: HTTP {a.Status} {Short(a.Body)}"]);
    }

    // --- helpers ---

    private static byte[] MutateBytes(byte[] der, Random rng, out string what)
    {
        byte[] b = [.. der];
        switch (rng.Next(4))
        {
            case 0 when b.Length > 0:
                int i = rng.Next(b.Length);
                b[i] ^= (byte)(1 << rng.Next(8));
                what = $"bit flip at {i}";
                return b;
            case 1 when b.Length > 1:
                int cut = rng.Next(b.Length);
                what = $"truncated to {cut}";
                return b[..cut];
            case 2:
                int at = rng.Next(b.Length + 1);
                byte[] junk = [.. Enumerable.Range(0, 1 + rng.Next(8)).Select(_ => (byte)rng.Next(256))];
                what = $"{junk.Length} bytes inserted at {at}";
                return [.. b[..at], .. junk, .. b[at..]];
            default:
                int pos = Math.Min(1, b.Length - 1);
                if (pos >= 0)
                {
                    b[pos] = (byte)(0x80 | rng.Next(1, 5));
                }
                what = "length octet made long-form";
                return b;
        }
    }

    private static byte[]? TryBase64(string s)
    {
        byte[] buffer = new byte[s.Length];
        return Convert.TryFromBase64String(s, buffer, out int n) ? buffer[..n] : null;
    }

    private static string Escape(string s) => string.Concat(s.Select(c => c is < ' ' or > '~' ? $"\\u{(int)c:X4}" : c.ToString()));

    private static string Short(string s) => s.Length > 160 ? s[..160] + "..." : s;

    public async ValueTask DisposeAsync()
    {
        _euicc.Dispose();
        await _server.DisposeAsync().ConfigureAwait(false);
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }
}
