using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Conformance.Rsp.Asn1.Messages;

namespace Conformance.Cli.Fuzzing;

/// <summary>
/// What the black-box fuzzers of the bundled servers share (issues #14, #16): raw HTTP/1.1 over TLS with the bytes written
/// as they are, the probe classes made from valid requests (seeds) of the server's functions (header values, mutated DER
/// and JSON, invalid UTF-8, chunked framing, corrupted eUICC certificates), and the judging by the JSON binding's rule
/// (SGP.22 v2.5 §6.5): an SGP.22 functionExecutionStatus with a request-error code (reason 2.x) or the code the input
/// earns, never HTTP 500, never 1.2/4.2 for an input fault, never an exception type or stack frame, never a response
/// header that is not ASCII. The server-specific part (start-up, seeds) is in <see cref="SmdpFuzzer"/> and <see cref="SmdsFuzzer"/>.
/// </summary>
public abstract class RspFuzzer : IAsyncDisposable
{
    private readonly int _port;
    private readonly X509Certificate2? _clientCertificate;
    private readonly string? _asn1Path;
    private readonly List<Seed> _seeds = [];

    /// <param name="port">The server's loopback port.</param>
    /// <param name="clientCertificate">The TLS client certificate every connection presents (the SM-DS's ES12 callers), or none.</param>
    /// <param name="asn1Path">The path of the ASN.1 binding (SGP.22 §6.6) when the server offers it: header probes then cover it too.</param>
    protected RspFuzzer(int port, X509Certificate2? clientCertificate, string? asn1Path)
    {
        _port = port;
        _clientCertificate = clientCertificate;
        _asn1Path = asn1Path;
    }

    /// <summary>A valid request of one function: its name, path and JSON fields (the DER ones base64).</summary>
    private sealed record Seed(string Function, string Path, Dictionary<string, object> Fields);

    /// <summary>One probe: the class it belongs to, how it was made, the bytes to send, and what answers are right.</summary>
    public sealed record Probe(string Class, string What, string Head, byte[] Body, Func<Answer, string?> Judge, bool Anonymous = false);

    /// <summary>What came back: HTTP status, headers, body; or the transport failure.</summary>
    public sealed record Answer(int Status, IReadOnlyDictionary<string, string> Headers, string Body, string? Failure, TimeSpan Elapsed);

    /// <summary>Per class: sent, answered right, and the first wrong answers.</summary>
    public sealed record ClassResult(string Class, int Sent, int Right, IReadOnlyList<string> Wrong);

    /// <summary>Adds a seed; the first one is the liveness check's and the header probes' request, and must succeed as sent.</summary>
    protected void AddSeed(string function, string path, Dictionary<string, object> fields) => _seeds.Add(new(function, path, fields));

    /// <summary>
    /// Makes what <paramref name="count"/> probes need before <see cref="Probes"/> is called: a server that ends an RSP
    /// session on a failed AuthenticateClient needs one session per certificate probe (<see cref="CertificateSeed"/>).
    /// </summary>
    public virtual Task PrepareAsync(int count, CancellationToken ct) => Task.CompletedTask;

    /// <summary>The AuthenticateClient fields a certificate probe corrupts; null: the AuthenticateClient seed's.</summary>
    protected virtual Dictionary<string, object>? CertificateSeed() => null;

    /// <summary>Whether the function at <paramref name="path"/> may answer 204 No Content (ES9+ HandleNotification).</summary>
    protected virtual bool AnswersNoContent(string path) => false;

    /// <summary>Sends a valid request and returns its JSON answer (to make the next seed from).</summary>
    protected async Task<JsonElement> CallAsync(string path, Dictionary<string, object> fields, CancellationToken ct)
    {
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(fields);
        Answer a = await SendAsync(JsonHead(path, body.Length), body, ct).ConfigureAwait(false);
        using JsonDocument doc = JsonDocument.Parse(a.Body);
        return doc.RootElement.Clone();
    }

    protected static string JsonHead(string path, int length, string adminProtocol = "X-Admin-Protocol: gsma/rsp/v2.2.0\r\n", string contentType = "application/json") =>
        $"POST {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: {contentType}\r\n{adminProtocol}Connection: close\r\nContent-Length: {length}\r\n\r\n";

    /// <summary>The probes of a run: <paramref name="count"/> of them, the classes in turn, from <paramref name="seed"/>.</summary>
    public IReadOnlyList<Probe> Probes(int count, int seed)
    {
        var rng = new Random(seed);
        var makers = new List<Func<Random, Probe>> { HeaderProbe, BodyProbe, TextProbe, FramingProbe, CertificateProbe };
        if (ClientCertificateRule is not null)
        {
            makers.Add(CallerProbe);
        }
        return [.. Enumerable.Range(0, count).Select(i => makers[i % makers.Count](rng))];
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
        bool asn1 = _asn1Path is not null && rng.Next(3) == 0;
        bool inContentType = !asn1 && rng.Next(4) == 0;
        Seed s = _seeds[0];
        byte[] body = asn1 ? Convert.FromBase64String((string)s.Fields["euiccInfo1"]) : JsonSerializer.SerializeToUtf8Bytes(s.Fields);
        string head = asn1
            ? $"POST {_asn1Path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-gsma-rsp-asn1\r\nX-Admin-Protocol: {value}\r\nConnection: close\r\nContent-Length: {body.Length}\r\n\r\n"
            : inContentType ? JsonHead(s.Path, body.Length, contentType: "application/json; charset=" + value)
            : JsonHead(s.Path, body.Length, adminProtocol: $"X-Admin-Protocol: {value}\r\n");
        return new("header", $"{(asn1 ? "ASN.1" : inContentType ? "Content-Type" : "X-Admin-Protocol")} '{Escape(value)}'", head, body,
            a => asn1 ? (a.Status == 400 ? null : $"HTTP {a.Status}, expected 400") : RequestError(a));
    }

    /// <summary>Mutated DER inside valid JSON (bit flips, truncations, insertions), dropped or retyped fields, of every function.</summary>
    private Probe BodyProbe(Random rng) => BodyProbe(rng, _ => true);

    private Probe BodyProbe(Random rng, Func<string, bool> paths)
    {
        List<Seed> pool = [.. _seeds.Where(x => paths(x.Path))];
        Seed s = pool[rng.Next(pool.Count)];
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
                string text = s.Fields[key] as string ?? JsonSerializer.Serialize(s.Fields[key]);
                byte[] der = TryBase64(text) ?? Encoding.ASCII.GetBytes(text);
                fields[key] = Convert.ToBase64String(MutateBytes(der, rng, out what));
                what = $"{key}: {what}";
                break;
        }
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(fields);
        return new("body", $"{s.Function} {what}", JsonHead(s.Path, body.Length), body, a => NotAServerFault(a, s.Path));
    }

    /// <summary>Invalid UTF-8, encoded and escaped lone surrogates, control characters inside JSON strings.</summary>
    private Probe TextProbe(Random rng)
    {
        byte[][] bad = [[0xC3, 0x28], [0xED, 0xA0, 0x80], "\\ud800"u8.ToArray(), "\\udfff\\ud800"u8.ToArray(), [0xFF], [0xF8, 0x88, 0x80, 0x80, 0x80], [0x01], "\\u0000"u8.ToArray()];
        Seed s = _seeds[rng.Next(_seeds.Count)];
        string[] texts = [.. s.Fields.Where(kv => kv.Value is string).Select(kv => kv.Key)];
        string key = texts[rng.Next(texts.Length)];
        byte[] inject = bad[rng.Next(bad.Length)];
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(s.Fields);
        int at = json.AsSpan().IndexOf(Encoding.UTF8.GetBytes($"\"{key}\":\"")) + key.Length + 4 + rng.Next(Math.Max(1, ((string)s.Fields[key]).Length));
        byte[] bytes = [.. json[..at], .. inject, .. json[at..]];
        return new("text", $"{s.Function} {key} with {Convert.ToHexString(inject)}", JsonHead(s.Path, bytes.Length), bytes, a => NotAServerFault(a, s.Path));
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
        string head = $"POST {s.Path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nX-Admin-Protocol: gsma/rsp/v2.2.0\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n";
        return new("framing", $"{s.Function} chunked '{Escape(body[..Math.Min(20, body.Length)])}...'", head, Encoding.Latin1.GetBytes(body),
            a => Basic(a) ?? (a.Status == 400 || (stopsShort && a.Status == 408) || (a.Status == 200 && RequestError(a) is null) ? null
                : $"HTTP {a.Status}: {Short(a.Body)}, expected {(stopsShort ? "408" : "400")} or a request error"));
    }

    /// <summary>Corruption of every field of CERT.EUICC and CERT.EUM in AuthenticateClient (ES9+ or ES11), and TBS/outer algorithm mismatches.</summary>
    private Probe CertificateProbe(Random rng)
    {
        Seed first = _seeds.First(x => x.Fields.ContainsKey("authenticateServerResponse"));
        Seed s = first with { Fields = CertificateSeed() ?? first.Fields };
        var asr = AuthenticateServerResponse.Decode(Convert.FromBase64String((string)s.Fields["authenticateServerResponse"]));
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
        var fields = new Dictionary<string, object>(s.Fields) { ["authenticateServerResponse"] = Convert.ToBase64String(resent.Encode()) };
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(fields);
        return new("certificate", $"{(eum ? "CERT.EUM" : "CERT.EUICC")}: {what}", JsonHead(s.Path, body.Length), body, a =>
        {
            if (NotAServerFault(a, s.Path) is { } fault)
            {
                return fault;
            }
            return Status(a) == "Executed-Success" ? "a corrupted certificate was accepted" : null;
        });
    }

    /// <summary>
    /// The functions whose caller must present a TLS client certificate (the SM-DS's ES12), and the status code
    /// ("1.1 / 1.1") a caller without one gets whatever it sent; null: no such function.
    /// </summary>
    protected virtual (Func<string, bool> Needs, string Code)? ClientCertificateRule => null;

    /// <summary>A body probe of a function that needs the caller's certificate, sent without one: refused as unauthenticated, the request unread.</summary>
    private Probe CallerProbe(Random rng)
    {
        (Func<string, bool> needs, string code) = ClientCertificateRule!.Value;
        Probe p = BodyProbe(rng, needs);
        return p with
        {
            Class = "caller",
            What = "no client certificate, " + p.What,
            Anonymous = true,
            Judge = a => Basic(a) ?? (a.Status == 200 && Status(a) == "Failed" && Code(a) == code ? null : $"HTTP {a.Status} {Status(a)} {Code(a)}, expected Failed {code}"),
        };
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

    private string? NotAServerFault(Answer a, string path)
    {
        if (Basic(a) is { } problem)
        {
            return problem;
        }
        if (a.Status == 204 && AnswersNoContent(path))
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
            Answer a = await SendAsync(p.Head, p.Body, token, p.Anonymous).ConfigureAwait(false);
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

    protected async Task<Answer> SendAsync(string head, byte[] body, CancellationToken ct, bool anonymous = false)
    {
        var watch = Stopwatch.StartNew();
        X509Certificate2? client = anonymous ? null : _clientCertificate;
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
                ClientCertificates = client is null ? null : [client],
                LocalCertificateSelectionCallback = client is null ? null : (_, _, _, _, _) => client,
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
        if (_clientCertificate is { } client)
        {
            handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => client;
        }
        using var http = new HttpClient(handler) { BaseAddress = new Uri($"https://localhost:{_port}/"), Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Post, _seeds[0].Path.TrimStart('/'))
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

    /// <summary>After all that, a valid request of the first seed (InitiateAuthentication) still succeeds.</summary>
    private async Task<ClassResult> LivenessAsync(CancellationToken ct)
    {
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(_seeds[0].Fields);
        Answer a = await SendAsync(JsonHead(_seeds[0].Path, body.Length), body, ct).ConfigureAwait(false);
        bool ok = a.Status == 200 && Status(a) == "Executed-Success";
        return new ClassResult("liveness", 1, ok ? 1 : 0, ok ? [] : [$"a valid {_seeds[0].Function} after the probes: HTTP {a.Status} {Short(a.Body)}"]);
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

    /// <summary>The contents of one TLV (the JSON binding carries serverSignature1 and euiccCiPKIdToBeUsed with their tags).</summary>
    protected static byte[] Octets(byte[] tlv)
    {
        System.Formats.Asn1.AsnDecoder.ReadEncodedValue(tlv, System.Formats.Asn1.AsnEncodingRules.BER, out int offset, out int length, out _);
        return tlv.AsSpan(offset, length).ToArray();
    }

    private static byte[]? TryBase64(string s)
    {
        byte[] buffer = new byte[s.Length];
        return Convert.TryFromBase64String(s, buffer, out int n) ? buffer[..n] : null;
    }

    private static string Escape(string s) => string.Concat(s.Select(c => c is < ' ' or > '~' ? $"\\u{(int)c:X4}" : c.ToString()));

    private static string Short(string s) => s.Length > 160 ? s[..160] + "..." : s;

    public abstract ValueTask DisposeAsync();
}
