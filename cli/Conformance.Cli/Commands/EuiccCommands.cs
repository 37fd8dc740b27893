using System.CommandLine;
using Conformance.Euicc.Apdu;
using Conformance.Euicc.Card;
using Conformance.Euicc.Es10;
using Conformance.Euicc.Faults;
using Conformance.Euicc.State;
using Conformance.Euicc.Vpcd;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Pki;

namespace Conformance.Cli.Commands;

/// <summary>
/// <c>euicc serve --vpcd HOST:PORT --state DIR [--pki DIR] [--isdr-aid HEX] [--svn V] [--default-smdp ADDR]
/// [--fault NAME]... [--defect NAME]... [--unplug-after-apdus N]</c>: runs the emulated eUICC (ES10a/b/c, ES8+) as a virtual card behind
/// vsmartcard's vpcd reader, so PC/SC clients (this harness, lpac, any LPA) reach it through pcscd. The state
/// directory holds the card's persistent state (<c>card/</c>) and, when no --pki is given, a generated test PKI
/// (<c>pki/</c>, SGP.26 layout) reused on later runs. Prints the EID, then runs until SIGINT / SIGTERM.
/// </summary>
internal static class EuiccCommands
{
    public static Command Create()
    {
        var euicc = new Command("euicc", "The emulated eUICC.");
        euicc.Subcommands.Add(Serve());
        return euicc;
    }

    private static Command Serve()
    {
        var vpcd = new Option<string>("--vpcd") { Description = "Where vpcd listens: HOST:PORT (its first slot; default port 35963).", DefaultValueFactory = _ => $"127.0.0.1:{VpcdProtocol.DefaultPort}" };
        var state = new Option<DirectoryInfo>("--state") { Description = "Directory of the card's persistent state (created if missing; one emulator at a time).", Required = true };
        var pki = new Option<DirectoryInfo?>("--pki") { Description = "PKI directory laid out like SGP.26 (eUICC, EUM and CI certificates, eUICC key). Default: a test PKI generated into the state directory." };
        var aid = new Option<string?>("--isdr-aid") { Description = "ISD-R AID in hex (default A0000005591010FFFFFFFF8900000100)." };
        var svn = new Option<string>("--svn") { Description = "SGP.22 version the card claims: 2.2.2, 2.3.0 or 2.5.0.", DefaultValueFactory = _ => "2.2.2" };
        var defaultSmdp = new Option<string?>("--default-smdp") { Description = "Default SM-DP+ address of a new card state." };
        var faults = new Option<string[]>("--fault") { Description = $"Fault injection (repeatable): {string.Join(", ", Enum.GetNames<EuiccFault>())}." };
        var defects = new Option<string[]>("--defect") { Description = $"Defect (repeatable): {string.Join(", ", Enum.GetNames<EuiccDefect>())}." };
        var unplug = new Option<int?>("--unplug-after-apdus") { Description = "Test knob: answer N APDUs, then leave the reader as if pulled while the next one is in flight (the card stays out)." };
        var serve = new Command("serve", "Attach the emulator to vpcd as a virtual card until interrupted.") { vpcd, state, pki, aid, svn, defaultSmdp, faults, defects, unplug };
        serve.SetAction((parse, ct) => CliRunner.Run(() => RunServe(new ServeArguments(
            parse.GetValue(vpcd)!, parse.GetValue(state)!, parse.GetValue(pki), parse.GetValue(aid), parse.GetValue(svn)!,
            parse.GetValue(defaultSmdp), parse.GetValue(faults) ?? [], parse.GetValue(defects) ?? [], parse.GetValue(unplug)), ct)));
        return serve;
    }

    private sealed record ServeArguments(string Vpcd, DirectoryInfo State, DirectoryInfo? Pki, string? AidHex, string Svn,
        string? DefaultSmdp, string[] Faults, string[] Defects, int? UnplugAfterApdus);

    private static async Task<int> RunServe(ServeArguments a, CancellationToken ct)
    {
        if (a.UnplugAfterApdus is < 0)
        {
            throw new CliError($"--unplug-after-apdus must be 0 or more, got {a.UnplugAfterApdus}");
        }
        VpcdOptions vpcd = VpcdOptions.Parse(a.Vpcd) with { UnplugAfterApdus = a.UnplugAfterApdus };
        if (a.Pki is not null && !a.Pki.Exists)
        {
            throw new CliError($"the PKI directory {a.Pki.FullName} does not exist");
        }
        var isdr = new IsdrOptions();
        if (a.AidHex is not null)
        {
            isdr = isdr with { IsdrAid = Convert.FromHexString(a.AidHex) };
        }
        EuiccOptions options = Options(a);
        StateStore<ServeState> store;
        try
        {
            store = new StateStore<ServeState>(a.State.FullName);
        }
        catch (StateStoreException e)
        {
            throw new CliError(e.Message);
        }
        using (store)
        {
            ServeState saved;
            try
            {
                saved = store.LoadOrCreate(() => new ServeState(1, DateTimeOffset.UtcNow, 0));
            }
            catch (StateStoreException e)
            {
                throw new CliError(e.Message);
            }
            store.Save(saved with { Starts = saved.Starts + 1 });
            EuiccIdentity identity = Identity(a.Pki, store.DirectoryPath);
            Es10Handler handler;
            try
            {
                handler = new Es10Handler(identity, options, Path.Combine(store.DirectoryPath, "card"));
            }
            catch (Exception e) when (e is InvalidOperationException or StateStoreException)
            {
                throw new CliError(e.Message);
            }
            using (handler)
            {
                var card = new IsdrFrontEnd(handler, isdr);
                var client = new VpcdClient(card, vpcd, message => Console.Error.WriteLine($"euicc: {message}"));
                await Console.Out.WriteLineAsync($"EID {handler.Eid}");
                await Console.Error.WriteLineAsync(
                    $"euicc: emulated eUICC (SGP.22 {options.Svn}, curves {string.Join("+", identity.Curves)}) for vpcd at {vpcd.Host}:{vpcd.Port}, " +
                    $"state in {store.DirectoryPath}" + Describe(options.Faults) +
                    (a.UnplugAfterApdus is int n ? $", pulled after {n} APDUs" : "") + ". Ctrl+C stops.");
                await client.RunAsync(ct);
                await Console.Error.WriteLineAsync("euicc: stopped");
            }
        }
        return 0;
    }

    private static EuiccOptions Options(ServeArguments a)
    {
        var faults = new EuiccFaultOptions
        {
            Faults = a.Faults.Select(f => Parse<EuiccFault>(f, "fault")).ToHashSet(),
            Defects = a.Defects.Select(d => Parse<EuiccDefect>(d, "defect")).ToHashSet(),
        };
        return new EuiccOptions { Svn = VersionType.Parse(a.Svn), DefaultSmdpAddress = a.DefaultSmdp, Faults = faults };
    }

    private static T Parse<T>(string name, string what) where T : struct, Enum =>
        Enum.TryParse(name, ignoreCase: true, out T value) && Enum.IsDefined(value)
            ? value
            : throw new CliError($"unknown {what} '{name}'; one of {string.Join(", ", Enum.GetNames<T>())}");

    /// <summary>The identity from --pki, or from the test PKI kept in the state directory (generated on first use).</summary>
    private static EuiccIdentity Identity(DirectoryInfo? pki, string stateDirectory)
    {
        string directory = pki?.FullName ?? Path.Combine(stateDirectory, "pki");
        if (pki is null && !Directory.Exists(directory))
        {
            var generated = new TestPkiOptions();
            TestPki testPki = TestPkiGenerator.Generate(generated);
            Sgp26Writer.Write(testPki, directory, generated);
            Console.Error.WriteLine($"euicc: generated a test PKI in {directory}");
        }
        try
        {
            return EuiccIdentity.Load(directory);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            throw new CliError(e.Message);
        }
    }

    private static string Describe(EuiccFaultOptions f) =>
        (f.Faults.Count == 0 ? "" : $", faults {string.Join(" ", f.Faults)}") + (f.Defects.Count == 0 ? "" : $", DEFECTS {string.Join(" ", f.Defects)}");

    /// <summary>What the serve command keeps between runs next to the card state.</summary>
    internal sealed record ServeState(int SchemaVersion, DateTimeOffset CreatedUtc, long Starts);
}
