using System.CommandLine;
using Conformance.Euicc.Apdu;
using Conformance.Euicc.State;
using Conformance.Euicc.Vpcd;

namespace Conformance.Cli.Commands;

/// <summary>
/// <c>euicc serve --vpcd HOST:PORT --state DIR [--pki DIR] [--isdr-aid HEX]</c>: runs the emulated
/// eUICC as a virtual card behind vsmartcard's vpcd reader, so PC/SC clients (this harness, lpac,
/// any LPA) reach it through pcscd. Runs until SIGINT / SIGTERM.
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
        var pki = new Option<DirectoryInfo?>("--pki") { Description = "PKI directory laid out like SGP.26 (eUICC and EUM certificates and keys)." };
        var aid = new Option<string?>("--isdr-aid") { Description = "ISD-R AID in hex (default A0000005591010FFFFFFFF8900000100)." };
        var serve = new Command("serve", "Attach the emulator to vpcd as a virtual card until interrupted.") { vpcd, state, pki, aid };
        serve.SetAction((parse, ct) => CliRunner.Run(() => RunServe(
            parse.GetValue(vpcd)!, parse.GetValue(state)!, parse.GetValue(pki), parse.GetValue(aid), ct)));
        return serve;
    }

    private static async Task<int> RunServe(string vpcdEndpoint, DirectoryInfo stateDir, DirectoryInfo? pkiDir, string? aidHex, CancellationToken ct)
    {
        VpcdOptions vpcd = VpcdOptions.Parse(vpcdEndpoint);
        if (pkiDir is not null && !pkiDir.Exists)
        {
            throw new CliError($"the PKI directory {pkiDir.FullName} does not exist");
        }
        var options = new IsdrOptions();
        if (aidHex is not null)
        {
            options = options with { IsdrAid = Convert.FromHexString(aidHex) };
        }
        StateStore<ServeState> store;
        try
        {
            store = new StateStore<ServeState>(stateDir.FullName);
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
            var card = new IsdrFrontEnd(new PendingEs10Handler(), options);
            var client = new VpcdClient(card, vpcd, message => Console.Error.WriteLine($"euicc: {message}"));
            await Console.Error.WriteLineAsync(
                $"euicc: emulated eUICC for vpcd at {vpcd.Host}:{vpcd.Port}, state in {store.DirectoryPath}" +
                (pkiDir is null ? "" : $", PKI {pkiDir.FullName} (not used yet)") +
                "; ES10 functions are not implemented yet (every ES10 command answers 6A81). Ctrl+C stops.");
            await client.RunAsync(ct);
            await Console.Error.WriteLineAsync("euicc: stopped");
        }
        return 0;
    }

    /// <summary>What the serve command keeps between runs until the ES10 card state exists.</summary>
    internal sealed record ServeState(int SchemaVersion, DateTimeOffset CreatedUtc, long Starts);

    /// <summary>
    /// Stand-in until the ES10a/b/c logic exists: the APDU layer (channels, SELECT, STORE DATA,
    /// chaining) works, and every complete ES10 command answers '6A81' function not supported.
    /// </summary>
    private sealed class PendingEs10Handler : IEs10Handler
    {
        public byte[] Handle(ReadOnlySpan<byte> command) =>
            throw new Es10StatusException(StatusWords.FunctionNotSupported, "ES10 dispatch is not implemented yet");

        public void Reset()
        {
        }
    }
}
