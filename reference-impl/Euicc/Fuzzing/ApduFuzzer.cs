using System.Diagnostics;
using Conformance.Euicc.Apdu;

namespace Conformance.Euicc.Fuzzing;

/// <summary>Sends one command APDU to the card (through whatever transport) and returns its response APDU.</summary>
public delegate Task<byte[]> ApduExchange(byte[] command, CancellationToken ct);

/// <summary>What one fuzz run sends.</summary>
public sealed record ApduFuzzOptions
{
    /// <summary>Number of fuzzed APDUs to send.</summary>
    public int Apdus { get; init; } = 5000;

    /// <summary>Seed of the <see cref="ApduMutator"/>: the same seed against the same card sends the same APDUs.</summary>
    public int Seed { get; init; } = 14;

    /// <summary>The ISD-R AID the corpus selects and the liveness check uses.</summary>
    public byte[] IsdrAid { get; init; } = IsdrOptions.DefaultIsdrAid;

    /// <summary>Shortest APDU sent (see <see cref="ApduMutator(int, byte[], int)"/>): 2 through vpcd.</summary>
    public int MinimumLength { get; init; } = 2;

    /// <summary>The EID the liveness check's GetEID must return; null: any EID.</summary>
    public string? ExpectedEid { get; init; }

    /// <summary>Problems kept with their APDU and response (all are counted).</summary>
    public int ProblemsKept { get; init; } = 10;

    /// <summary>Consecutive transport errors after which the run gives up (the card or its transport is gone).</summary>
    public int MaxConsecutiveTransportErrors { get; init; } = 3;
}

/// <summary>How one response was judged.</summary>
public enum FuzzVerdict
{
    /// <summary>A status word, and nothing against the rules.</summary>
    Answered,

    /// <summary>Fewer than 2 bytes, or SW1 outside '61'-'6F' and '90'-'9F' (ISO/IEC 7816-4 §5.6).</summary>
    NoStatusWord,

    /// <summary>
    /// A status word, but a suspect one: '6F00' (the command failed inside the card), response data with an error
    /// status word, or not the status word the command must get (<see cref="FuzzApdu.Expected"/>).
    /// </summary>
    Suspect,

    /// <summary>No response at all: the transport failed (timeout, card gone, reader error).</summary>
    TransportError,
}

/// <summary>One APDU that did not get a proper answer.</summary>
public sealed record FuzzProblem(int Index, FuzzApdu Apdu, FuzzVerdict Verdict, string? Response, string What)
{
    public override string ToString() =>
        $"#{Index} {Apdu.Origin} [{Apdu.Mutation}] {Abbreviate(Apdu.Hex)} -> {(Response is null ? "no response" : Abbreviate(Response))}: {What}";

    private static string Abbreviate(string hex) => hex.Length <= 48 ? hex : $"{hex[..40]}..({hex.Length / 2} bytes)";
}

/// <summary>Whether the card still answers a clean ISD-R sequence after the run, and what it answered.</summary>
public sealed record LivenessResult(bool Alive, string Detail);

/// <summary>
/// Runs <see cref="ApduMutator"/> against a card through an <see cref="ApduExchange"/> (PC/SC, in process): every
/// response must end with a status word; counts them, keeps the problems, and checks at the end that the card still
/// answers a clean sequence (<see cref="CheckLivenessAsync"/>). Deterministic for a given seed and card.
/// </summary>
public static class ApduFuzzer
{
    private static readonly byte[] GetEid = Convert.FromHexString("BF3E035C015A");
    private static readonly byte[] GetEuiccInfo1 = Convert.FromHexString("BF2000");

    /// <summary>
    /// Sends <see cref="ApduFuzzOptions.Apdus"/> fuzzed APDUs. A transport error (an exception of
    /// <paramref name="exchange"/>) is counted, then <paramref name="recover"/> (when given) reconnects; the run stops
    /// when it fails or after <see cref="ApduFuzzOptions.MaxConsecutiveTransportErrors"/> errors in a row.
    /// </summary>
    public static async Task<ApduFuzzReport> RunAsync(ApduFuzzOptions options, ApduExchange exchange, Func<CancellationToken, Task>? recover = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(exchange);
        var report = new ApduFuzzReport(options.Apdus, options.Seed);
        var mutator = new ApduMutator(options.Seed, options.IsdrAid, options.MinimumLength);
        byte[] previous = [];
        int consecutiveErrors = 0;
        bool transportGone = false;
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < options.Apdus; i++)
        {
            ct.ThrowIfCancellationRequested();
            FuzzApdu apdu = mutator.Next(previous);
            report.Count(apdu);
            byte[] response;
            try
            {
                response = await exchange(apdu.Command, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                report.Add(new FuzzProblem(i, apdu, FuzzVerdict.TransportError, null, e.Message), options.ProblemsKept);
                previous = [];
                if (++consecutiveErrors >= options.MaxConsecutiveTransportErrors || !await TryRecoverAsync(recover, report, i, apdu, options, ct).ConfigureAwait(false))
                {
                    transportGone = true;
                    break;
                }
                continue;
            }
            consecutiveErrors = 0;
            previous = response;
            (FuzzVerdict verdict, string? why) = Judge(apdu, response);
            report.Answer(response, verdict);
            if (verdict != FuzzVerdict.Answered)
            {
                report.Add(new FuzzProblem(i, apdu, verdict, Convert.ToHexString(response), why!), options.ProblemsKept);
            }
        }
        report.Elapsed = clock.Elapsed;
        clock.Restart();
        report.Liveness = transportGone
            ? new LivenessResult(false, "not checked: the transport to the card is gone")
            : await CheckLivenessAsync(exchange, options.IsdrAid, options.ExpectedEid, ct).ConfigureAwait(false);
        report.LivenessElapsed = clock.Elapsed;
        return report;
    }

    private static async Task<bool> TryRecoverAsync(Func<CancellationToken, Task>? recover, ApduFuzzReport report, int index, FuzzApdu apdu,
        ApduFuzzOptions options, CancellationToken ct)
    {
        if (recover is null)
        {
            return true;
        }
        try
        {
            await recover(ct).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            report.Add(new FuzzProblem(index, apdu, FuzzVerdict.TransportError, null, "reconnecting failed: " + e.Message), options.ProblemsKept);
            return false;
        }
    }

    /// <summary>Judges one response to a fuzzed APDU; the reason is null when it is <see cref="FuzzVerdict.Answered"/>.</summary>
    public static (FuzzVerdict Verdict, string? Why) Judge(FuzzApdu apdu, ReadOnlySpan<byte> response)
    {
        ArgumentNullException.ThrowIfNull(apdu);
        if (response.Length < 2)
        {
            return (FuzzVerdict.NoStatusWord, $"{response.Length} byte(s): no status word");
        }
        var sw = new StatusWord(response[^2], response[^1]);
        if (sw.Sw1 is not ((>= 0x61 and <= 0x6F) or (>= 0x90 and <= 0x9F)))
        {
            return (FuzzVerdict.NoStatusWord, $"'{sw.Value:X4}' is not a status word (SW1 must be '61'-'6F' or '90'-'9F')");
        }
        if (sw == StatusWords.NoPreciseDiagnosis)
        {
            return (FuzzVerdict.Suspect, "'6F00' no precise diagnosis: the command failed inside the card");
        }
        if (response.Length > 2 && sw.Sw1 is not (0x90 or 0x61 or 0x62 or 0x63))
        {
            return (FuzzVerdict.Suspect, $"{response.Length - 2} bytes of data with the error status word {sw}");
        }
        if (apdu.Expected is StatusWord expected && expected != sw)
        {
            return (FuzzVerdict.Suspect, $"expected {expected}, got {sw}");
        }
        return (FuzzVerdict.Answered, null);
    }

    /// <summary>
    /// The clean sequence an LPA sends, after the fuzz: on the basic channel SELECT ISD-R, GetEID (the EID must be
    /// <paramref name="expectedEid"/> when given) and GetEUICCInfo1; then logical channels 1 to 3 closed ('9000' or
    /// '6881'), one opened (it must be channel 1), the ISD-R selected there, GetEID again and the channel closed.
    /// Response data over 256 bytes is fetched with GET RESPONSE.
    /// </summary>
    public static async Task<LivenessResult> CheckLivenessAsync(ApduExchange exchange, byte[] isdrAid, string? expectedEid, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        ArgumentNullException.ThrowIfNull(isdrAid);
        var said = new List<string>();
        string step = "SELECT ISD-R on the basic channel";
        try
        {
            await ExpectAsync(exchange, [0x00, 0xA4, 0x04, 0x00, (byte)isdrAid.Length, .. isdrAid], step, ct).ConfigureAwait(false);
            said.Add("SELECT ISD-R 9000");
            step = "GetEID on the basic channel";
            string eid = Eid(await Es10Async(exchange, 0, GetEid, ct).ConfigureAwait(false), expectedEid);
            said.Add($"GetEID {eid}");
            step = "GetEUICCInfo1 on the basic channel";
            byte[] info1 = await Es10Async(exchange, 0, GetEuiccInfo1, ct).ConfigureAwait(false);
            if (info1.Length < 3 || info1[0] != 0xBF || info1[1] != 0x20)
            {
                throw new InvalidDataException($"GetEUICCInfo1 answered {Convert.ToHexString(info1)}, not 'BF20'");
            }
            said.Add($"GetEUICCInfo1 9000 ({info1.Length} bytes)");
            for (byte n = 1; n <= 3; n++)
            {
                step = $"MANAGE CHANNEL close {n}";
                byte[] r = await exchange([0x00, 0x70, 0x80, n], ct).ConfigureAwait(false);
                if (Hex(r) is not ("9000" or "6881"))
                {
                    throw new InvalidDataException($"answered {Hex(r)}, not 9000 or 6881");
                }
            }
            step = "MANAGE CHANNEL open";
            byte[] opened = await exchange([0x00, 0x70, 0x00, 0x00, 0x01], ct).ConfigureAwait(false);
            if (Hex(opened) != "019000")
            {
                throw new InvalidDataException($"answered {Hex(opened)}, not channel 1 and 9000");
            }
            step = "SELECT ISD-R on channel 1";
            await ExpectAsync(exchange, [0x01, 0xA4, 0x04, 0x00, (byte)isdrAid.Length, .. isdrAid], step, ct).ConfigureAwait(false);
            step = "GetEID on channel 1";
            string again = Eid(await Es10Async(exchange, 1, GetEid, ct).ConfigureAwait(false), expectedEid ?? eid);
            step = "MANAGE CHANNEL close 1";
            await ExpectAsync(exchange, [0x00, 0x70, 0x80, 0x01], step, ct).ConfigureAwait(false);
            said.Add($"channel 1 open / SELECT / GetEID {(again == eid ? "same EID" : again)} / close 9000");
            return new LivenessResult(true, string.Join(", ", said));
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            said.Add($"{step} failed: {e.Message}");
            return new LivenessResult(false, string.Join(", ", said));
        }
    }

    private static async Task ExpectAsync(ApduExchange exchange, byte[] command, string what, CancellationToken ct)
    {
        byte[] r = await exchange(command, ct).ConfigureAwait(false);
        if (Hex(r) != "9000")
        {
            throw new InvalidDataException($"{what} answered {Hex(r)}, not 9000");
        }
    }

    /// <summary>One ES10 command in one STORE DATA block on <paramref name="channel"/>; the response data, all of it.</summary>
    private static async Task<byte[]> Es10Async(ApduExchange exchange, int channel, byte[] command, CancellationToken ct)
    {
        byte[] r = await exchange([(byte)(0x80 | channel), 0xE2, 0x91, 0x00, (byte)command.Length, .. command], ct).ConfigureAwait(false);
        var data = new List<byte>();
        for (int round = 0; round < 300; round++)
        {
            if (r.Length < 2)
            {
                throw new InvalidDataException($"{r.Length} byte(s): no status word");
            }
            data.AddRange(r[..^2]);
            byte sw1 = r[^2], sw2 = r[^1];
            if (sw1 == 0x90 && sw2 == 0x00)
            {
                return [.. data];
            }
            if (sw1 is not (0x61 or 0x6C))
            {
                throw new InvalidDataException($"answered {new StatusWord(sw1, sw2)}");
            }
            r = await exchange([(byte)channel, 0xC0, 0x00, 0x00, sw2], ct).ConfigureAwait(false);
        }
        throw new InvalidDataException("more than 300 GET RESPONSE rounds");
    }

    private static string Eid(byte[] response, string? expected)
    {
        // GetEuiccDataResponse: BF3E len 5A 10 EID.
        if (response.Length != 21 || response[0] != 0xBF || response[1] != 0x3E || response[3] != 0x5A || response[4] != 0x10)
        {
            throw new InvalidDataException($"GetEID answered {Convert.ToHexString(response)}, not BF3E with a 16-byte EID");
        }
        string eid = Convert.ToHexString(response, 5, 16);
        if (expected is not null && !string.Equals(eid, expected, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"GetEID answered the EID {eid}, not {expected}");
        }
        return eid;
    }

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes);
}
