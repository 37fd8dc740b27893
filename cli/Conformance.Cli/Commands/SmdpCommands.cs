using System.CommandLine;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;
using Conformance.SmdpPlus;
using Conformance.SmdpPlus.Crypto;
using Conformance.SmdpPlus.Hosting;
using Conformance.SmdpPlus.Http;
using Conformance.SmdpPlus.Profiles;
using Conformance.SmdpPlus.Store;
using Org.BouncyCastle.Crypto.Parameters;

namespace Conformance.Cli.Commands;

/// <summary>
/// <c>smdp serve</c>: the reference SM-DP+ on loopback (ES9+ JSON and ASN.1 bindings, ES2+ with the operator's
/// client certificate) until SIGINT/SIGTERM. <c>smdp order</c>: ES2+ DownloadOrder + ConfirmOrder against it,
/// printing the activation code <c>LPA:1$&lt;address&gt;$&lt;matchingId&gt;</c>.
/// Without <c>--pki</c> both use the deterministic generated test PKI (seed 1, loopback SANs), so they match.
/// </summary>
internal static class SmdpCommands
{
    public static Command Create()
    {
        var smdp = new Command("smdp", "The reference SM-DP+.");
        smdp.Subcommands.Add(Serve());
        smdp.Subcommands.Add(Order());
        return smdp;
    }

    private static Option<DirectoryInfo?> PkiOption() => new("--pki") { Description = "PKI directory laid out like SGP.26 (default: the generated test PKI, seed 1)." };

    private static Command Serve()
    {
        var port = new Option<int>("--port") { Description = "TCP port on 127.0.0.1.", DefaultValueFactory = _ => 8443 };
        var pki = PkiOption();
        var db = new Option<string>("--db") { Description = "SQLite database file (orders, profiles, sessions survive restarts).", DefaultValueFactory = _ => "smdp.db" };
        var profiles = new Option<DirectoryInfo?>("--profiles") { Description = "Directory of UPP files (*.der, optional sidecar *.json) to import." };
        var synthetic = new Option<int>("--synthetic") { Description = "Also add this many synthetic profiles (type given by --profile-type).", DefaultValueFactory = _ => 0 };
        var type = new Option<string>("--profile-type") { Description = "Profile type of synthetic profiles.", DefaultValueFactory = _ => "Test" };
        var operatorUrl = new Option<string?>("--operator-url") { Description = "Operator endpoint for ES2+ HandleDownloadProgressInfo (base URL)." };
        var curve = new Option<string?>("--curve") { Description = "SM-DP+ credentials to load: nist, brp or both (default: the curves the PKI holds a CI for; both for the generated one)." };
        var address = new Option<string?>("--address") { Description = "The SM-DP+ address (default 127.0.0.1:<port>)." };
        var defects = new Option<string[]>("--defect")
        {
            Description = $"Switch on a named defect (repeatable), to prove a harness run catches it: {string.Join(", ", Enum.GetNames<SmdpDefect>())}.",
            AllowMultipleArgumentsPerToken = false,
        };
        var tlsCurve = new Option<string?>("--tls-curve")
        {
            Description = "Curve of the CERT.DP.TLS served: nist or brp (default: nist when the PKI holds it). brainpoolP256r1 goes over TLS 1.2 "
                + "(OpenSSL 3.0 has no TLS 1.3 brainpool signatures); clients must offer the brainpool group, as ./conformance configures OpenSSL to.",
        };
        tlsCurve.AcceptOnlyFromAmong("nist", "brp");
        var smds = new Option<string[]>("--smds")
        {
            Description = "An SM-DS this SM-DP+ calls over ES12 (SGP.22 §5.9) when ConfirmOrder names its address: ADDRESS=URL, e.g. "
                + "127.0.0.1:8444=https://127.0.0.1:8444/ (repeatable). ConfirmOrder naming another address only stores it.",
            AllowMultipleArgumentsPerToken = false,
        };
        var serve = new Command("serve", "Run the reference SM-DP+ on loopback until stopped: Ctrl-C (SIGINT) or SIGTERM ends it cleanly, "
            + "exit code 0 (a background job started from a script ignores SIGINT: send it SIGTERM).")
        {
            port, pki, db, profiles, synthetic, type, operatorUrl, curve, address, defects, tlsCurve, smds,
        };
        serve.SetAction((parse, ct) => CliRunner.Run(() => RunServe(parse.GetValue(port), parse.GetValue(pki), parse.GetValue(db)!, parse.GetValue(profiles),
            parse.GetValue(synthetic), parse.GetValue(type)!, Url(parse.GetValue(operatorUrl), "--operator-url"), parse.GetValue(curve), parse.GetValue(address),
            ParseDefects(parse.GetValue(defects)), parse.GetValue(tlsCurve), SmdsEndpoints(parse.GetValue(smds)), parse.InvocationConfiguration.Output, ct)));
        return serve;
    }

    private static async Task<int> RunServe(int port, DirectoryInfo? pkiDir, string db, DirectoryInfo? profileDir, int synthetic, string profileType,
        Uri? operatorUrl, string? curveArg, string? address, IReadOnlySet<SmdpDefect> defects, string? tlsCurveArg, IReadOnlyDictionary<string, Uri> smdsEndpoints,
        TextWriter output, CancellationToken ct)
    {
        // A PKI of one curve drives what it can: without --curve, the curves the directory holds a CI for.
        IReadOnlyList<RspCurve> curves = curveArg is not null ? PkiCommands.ParseCurves(curveArg)
            : pkiDir is null ? [RspCurve.NistP256, RspCurve.BrainpoolP256r1]
            : Sgp26Loader.CurvesIn(pkiDir.FullName) is { Count: > 0 } held ? held
            : throw new CliError($"{pkiDir.FullName} holds no CI certificate (CertificateIssuer/CERT_CI_ECDSA_NIST or _BRP, .der or .pem).");
        if (curveArg is null && curves.Count == 1)
        {
            await output.WriteLineAsync($"smdp: the PKI holds a CI of {curves[0].ShortName()} only: serving {curves[0].ShortName()} (eUICCs of the other curve are refused at InitiateAuthentication)");
        }

        string smdpAddress = address ?? $"127.0.0.1:{port}";
        TestPki pki = LoadPki(pkiDir, curves, PkiSides.Smdp, new PkiCompletionOptions
        {
            IssueTls = true, TlsHost = smdpAddress.Split(':')[0], LoopbackSans = true, DeriveNegatives = false, IncludeOperator = true,
        }, output);
        // CERT.DP.TLS: the P-256 one when loaded (OpenSSL 3.0 offers brainpool only in TLS 1.2 and only when the
        // client proposes the group), else the brainpool one.
        CurvePki tlsPki = tlsCurveArg is null ? pki.Curves.FirstOrDefault(c => c.Curve == RspCurve.NistP256) ?? pki.Curves[0]
            : pki.Curves.FirstOrDefault(c => c.Curve == PkiCommands.ParseCurves(tlsCurveArg)[0])
              ?? throw new CliError($"--tls-curve {tlsCurveArg}: the SM-DP+ serves {string.Join(" and ", curves.Select(c => c.ShortName()))} only (see --curve and --pki)");
        var options = new SmdpOptions
        {
            Port = port,
            DatabasePath = db,
            SmdpAddress = smdpAddress,
            TlsCertificate = WithKey(tlsPki.DpTls.Certificate, tlsPki.DpTls.RequirePrivateKey()),
            Pki = pki,
            OperatorCallbackUrl = operatorUrl,
            OperatorClientCa = pki.Operator is { } op ? [X509CertificateLoader.LoadCertificate(op.Ca.Der)] : null,
            OperatorCallbackClientCertificate = pki.Operator is { Client: { } client, ClientKey: { } key } ? WithKey(client, key) : null,
            Defects = defects,
            SmdsEndpoints = smdsEndpoints,
            KnownSmDsAddresses = [.. new SmdpOptions().KnownSmDsAddresses.Concat(smdsEndpoints.Keys)],
        };
        if (defects.Count > 0)
        {
            await output.WriteLineAsync($"smdp: DEFECTS switched on (this server breaks SGP.22 on purpose): {string.Join(", ", defects)}");
        }
        await using var server = new SmdpServer(options);
        try
        {
            Uri url;
            try
            {
                url = await server.StartAsync(ct);
            }
            catch (IOException e) when (e is not StoreUnavailableException)
            {
                // Kestrel's bind failure (port in use, not allowed); a database that cannot be used says so itself.
                throw new CliError($"cannot listen on 127.0.0.1:{port}: {e.Message}");
            }
            await FillInventoryAsync(server, profileDir, synthetic, profileType, smdpAddress, output, ct);
            await output.WriteLineAsync($"smdp: listening on {url} as SM-DP+ address {smdpAddress} (curves {string.Join(", ", curves.Select(c => c.ShortName()))}, TLS {tlsPki.Curve.ShortName()})");
            await output.WriteLineAsync($"smdp: activation codes read LPA:1${smdpAddress}$<matchingId>; create an order with: smdp order --url {url} --iccid <ICCID> --release");
            foreach ((string smdsAddress, Uri smdsUrl) in smdsEndpoints)
            {
                await output.WriteLineAsync($"smdp: ConfirmOrder naming SM-DS '{smdsAddress}' registers its Event at {smdsUrl} (ES12)");
            }
            await Task.Delay(Timeout.Infinite, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // SIGINT / SIGTERM (System.CommandLine cancels ct), also while starting or filling the inventory.
        }
        // CliApp gives the command 10 seconds after the signal: requests still running are cut after 5.
        using (var budget = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await server.StopAsync(budget.Token);
        }
        await output.WriteLineAsync("smdp: stopped");
        return 0;
    }

    /// <summary>--profiles and --synthetic: a database that refuses the writes (full disk...) ends serve with one sentence.</summary>
    private static async Task FillInventoryAsync(SmdpServer server, DirectoryInfo? profileDir, int synthetic, string profileType, string smdpAddress,
        TextWriter output, CancellationToken ct)
    {
        try
        {
            if (profileDir is not null)
            {
                ImportReport report = await ProfileImporter.ImportDirectoryAsync(server.Store, profileDir.FullName, ct: ct);
                await output.WriteLineAsync($"smdp: imported {report.Imported.Count} profile(s) from {profileDir.FullName}");
                foreach (string skipped in report.Skipped)
                {
                    await output.WriteLineAsync($"smdp: skipped {skipped}");
                }
            }
            if (synthetic > 0)
            {
                var added = await ProfileImporter.AddSyntheticAsync(server.Store, profileType, synthetic, notificationAddress: smdpAddress, ct: ct);
                await output.WriteLineAsync($"smdp: added {added.Count} synthetic profile(s) of type {profileType}");
            }
        }
        catch (RspRequestException e)
        {
            // The store's write failure ("the SM-DP+ could not store the change: the disk is full..."), already logged.
            throw new CliError($"cannot fill the profile inventory of {server.Store.DatabasePath}: {e.Message}");
        }
    }

    private static Command Order()
    {
        var url = new Option<string>("--url") { Description = "Base URL of the SM-DP+.", DefaultValueFactory = _ => "https://127.0.0.1:8443/" };
        var pki = PkiOption();
        var iccid = new Option<string?>("--iccid") { Description = "ICCID of the profile to order." };
        var type = new Option<string?>("--profile-type") { Description = "Order any available profile of this type instead of an ICCID." };
        var eid = new Option<string?>("--eid") { Description = "EID the order is for (32 digits)." };
        var matchingId = new Option<string?>("--matching-id") { Description = "MatchingID (default: generated by the SM-DP+)." };
        var cc = new Option<string?>("--cc") { Description = "Confirmation code the end user must enter." };
        var release = new Option<bool>("--release") { Description = "Release the profile for download at once (releaseFlag true)." };
        var smdsAddress = new Option<string?>("--smds-address")
        {
            Description = "SM-DS address for ConfirmOrder (smdsAddress, SGP.22 §5.3.2): the SM-DP+ registers the order's Event there; needs --eid.",
        };
        var order = new Command("order", "ES2+ DownloadOrder + ConfirmOrder; prints the activation code.") { url, pki, iccid, type, eid, matchingId, cc, release, smdsAddress };
        order.SetAction((parse, ct) => CliRunner.Run(() => RunOrder(Url(parse.GetValue(url), "--url")!, parse.GetValue(pki), parse.GetValue(iccid), parse.GetValue(type),
            parse.GetValue(eid), parse.GetValue(matchingId), parse.GetValue(cc), parse.GetValue(release), parse.GetValue(smdsAddress), parse.InvocationConfiguration.Output, ct)));
        return order;
    }

    private static async Task<int> RunOrder(Uri url, DirectoryInfo? pkiDir, string? iccid, string? profileType, string? eid, string? matchingId, string? cc,
        bool release, string? smdsAddress, TextWriter output, CancellationToken ct)
    {
        if ((iccid is null) == (profileType is null))
        {
            throw new CliError("give exactly one of --iccid and --profile-type");
        }
        if (smdsAddress is not null && eid is null)
        {
            // SGP.22 §5.3.2: an Event is registered for an EID; ConfirmOrder with an smdsAddress needs the order's EID.
            throw new CliError("--smds-address needs --eid: the SM-DS keeps an Event for an EID");
        }
        // The operator certificates of a set without ES2plus/ are the generated ones smdp serve trusts in that case.
        TestPki pki = LoadPki(pkiDir, pkiDir is null ? [RspCurve.NistP256, RspCurve.BrainpoolP256r1] : Sgp26Loader.CurvesIn(pkiDir.FullName), PkiSides.CiOnly,
            new PkiCompletionOptions { DeriveNegatives = false, IncludeOperator = true }, TextWriter.Null);
        OperatorPki op = pki.Operator is { ClientKey: not null } o ? o : throw new CliError("the PKI has no ES2+ operator client certificate with its key");
        RspCertificateValidator trust = new(pki.Curves.Select(c => c.Ci.Certificate));
        using var handler = new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10) };
        using X509Certificate2 clientCert = WithKey(op.Client, op.ClientKey!);
        handler.SslOptions.ClientCertificates = [clientCert];
        handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => clientCert;
        // The SM-DP+ must present a CERT.DP.TLS issued by a CI of the PKI.
        handler.SslOptions.RemoteCertificateValidationCallback = (_, cert, _, _) =>
            cert is not null && trust.ValidateServerCertificate(CertificateRole.DpTls, cert.GetRawCertData(), DateTimeOffset.UtcNow).IsValid;
        using var http = new HttpClient(handler) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };

        JsonElement dl = await PostAsync(http, "downloadOrder", new Dictionary<string, object?> { ["eid"] = eid, ["iccid"] = iccid, ["profileType"] = profileType }, ct);
        string orderedIccid = dl.GetProperty("iccid").GetString()!;
        JsonElement co = await PostAsync(http, "confirmOrder", new Dictionary<string, object?>
        {
            ["iccid"] = orderedIccid, ["eid"] = eid, ["matchingId"] = matchingId, ["confirmationCode"] = cc, ["smdsAddress"] = smdsAddress, ["releaseFlag"] = release,
        }, ct);
        string mid = co.GetProperty("matchingId").GetString()!;
        string address = co.TryGetProperty("smdpAddress", out JsonElement a) ? a.GetString()! : url.Authority;
        await output.WriteLineAsync($"iccid={orderedIccid} matchingId={mid}{(release ? " (released)" : " (confirmed, not released)")}");
        // SGP.22 §4.1: LPA:1$<SM-DP+ address>$<AC_Token>[$<SM-DP+ OID>$<Confirmation Code Required Flag>].
        await output.WriteLineAsync(cc is null ? $"LPA:1${address}${mid}" : $"LPA:1${address}${mid}$$1");
        return 0;
    }

    private static async Task<JsonElement> PostAsync(HttpClient http, string function, Dictionary<string, object?> fields, CancellationToken ct)
    {
        var body = new Dictionary<string, object?>
        {
            ["header"] = new { functionRequesterIdentifier = "conformance-cli", functionCallIdentifier = Guid.NewGuid().ToString("N") },
        };
        foreach ((string k, object? v) in fields.Where(kv => kv.Value is not null))
        {
            body[k] = v;
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, "gsma/rsp2/es2plus/" + function) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Admin-Protocol", "gsma/rsp/v2.2.0");
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (HttpRequestException e)
        {
            throw new CliError($"{function}: cannot reach the SM-DP+ at {http.BaseAddress}: {e.Message}");
        }
        using (response)
        {
            JsonElement root = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement.Clone();
            JsonElement status = root.GetProperty("header").GetProperty("functionExecutionStatus");
            if (status.GetProperty("status").GetString() != "Executed-Success")
            {
                JsonElement scd = status.GetProperty("statusCodeData");
                throw new CliError($"{function} failed with {scd.GetProperty("subjectCode").GetString()} / {scd.GetProperty("reasonCode").GetString()}: " +
                    (scd.TryGetProperty("message", out JsonElement m) ? m.GetString() : ""));
            }
            return root;
        }
    }

    /// <summary>--smds ADDRESS=URL (repeatable): the SM-DS endpoints the SM-DP+'s ES12 client may call.</summary>
    private static Dictionary<string, Uri> SmdsEndpoints(string[]? values)
    {
        var endpoints = new Dictionary<string, Uri>(StringComparer.OrdinalIgnoreCase);
        foreach (string value in values ?? [])
        {
            int eq = value.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == value.Length - 1)
            {
                throw new CliError($"--smds '{value}' is not ADDRESS=URL (the SM-DS address ConfirmOrder names, then its https:// URL)");
            }
            endpoints[value[..eq]] = Url(value[(eq + 1)..], "--smds")!;
        }
        return endpoints;
    }

    private static Uri? Url(string? value, string option)
    {
        if (value is null)
        {
            return null;
        }
        return Uri.TryCreate(value.EndsWith('/') ? value : value + "/", UriKind.Absolute, out Uri? u) && u.Scheme is "https" or "http"
            ? u
            : throw new CliError($"{option} '{value}' is not an http(s) URL");
    }

    /// <summary>The generated PKI, or the directory's loaded for <paramref name="sides"/> and completed (each addition said on <paramref name="output"/>).</summary>
    private static TestPki LoadPki(DirectoryInfo? dir, IReadOnlyList<RspCurve> curves, PkiSides sides, PkiCompletionOptions? completion, TextWriter output)
    {
        if (dir is null)
        {
            return TestPkiGenerator.Generate(new TestPkiOptions { Curves = curves, LoopbackSans = true });
        }
        PkiLoadResult result = Sgp26Loader.Load(dir.FullName, new PkiLoadOptions { Curves = curves, Sides = sides });
        if (!result.Success)
        {
            throw new CliError(result.Describe());
        }
        if (completion is null)
        {
            return result.Pki!;
        }
        (TestPki pki, IReadOnlyList<string> notes) = TestPkiGenerator.Complete(result.Pki!, completion);
        foreach (string note in notes)
        {
            output.WriteLine($"smdp: {note}");
        }
        if (completion.IssueTls && pki.Curves.Any(c => !c.Items.ContainsKey(PkiItem.DpTls)))
        {
            throw new CliError($"{dir.FullName} has no CERT.DP.TLS (DPtls/CERT_S_SM_DP_TLS_NIST or _BRP) and no CI private key (CertificateIssuer/SK_CI_ECDSA_*.pem) to issue one");
        }
        return pki;
    }

    private static HashSet<SmdpDefect> ParseDefects(string[]? names) =>
        [.. (names ?? []).Select(n => Enum.TryParse(n, ignoreCase: false, out SmdpDefect d) && Enum.IsDefined(d) ? d
            : throw new CliError($"unknown --defect '{n}': one of {string.Join(", ", Enum.GetNames<SmdpDefect>())}"))];

    /// <summary>The certificate with its private key, as Kestrel and SslStream take it (also the fuzzer's server certificate).</summary>
    internal static X509Certificate2 WithKey(RspCertificate cert, ECPrivateKeyParameters key)
    {
        using X509Certificate2 plain = X509CertificateLoader.LoadCertificate(cert.Der);
        using ECDsa ecdsa = ECDsa.Create(OpenSslKeys.Private(key));
        using X509Certificate2 withKey = plain.CopyWithPrivateKey(ecdsa);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }
}
