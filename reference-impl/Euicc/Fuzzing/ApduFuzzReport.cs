using System.Globalization;
using System.Text;
using Conformance.Euicc.Apdu;

namespace Conformance.Euicc.Fuzzing;

/// <summary>The figures of one <see cref="ApduFuzzer"/> run, and their one-screen summary.</summary>
public sealed class ApduFuzzReport
{
    private readonly Dictionary<string, int> _statusWords = [];
    private readonly Dictionary<ApduMutation, int> _mutations = [];
    private readonly List<FuzzProblem> _problems = [];

    internal ApduFuzzReport(int requested, int seed)
    {
        Requested = requested;
        Seed = seed;
    }

    /// <summary>APDUs the run was asked to send.</summary>
    public int Requested { get; }

    public int Seed { get; }

    /// <summary>APDUs handed to the transport.</summary>
    public int Sent { get; private set; }

    /// <summary>APDUs answered with a status word (suspect ones included).</summary>
    public int Answered { get; private set; }

    /// <summary>APDUs the transport failed on (no response at all).</summary>
    public int TransportErrors { get; private set; }

    /// <summary>Responses without a status word.</summary>
    public int NoStatusWord { get; private set; }

    /// <summary>Responses with a suspect status word (<see cref="FuzzVerdict.Suspect"/>).</summary>
    public int Suspect { get; private set; }

    /// <summary>APDUs whose status word was known in advance and checked (<see cref="FuzzApdu.Expected"/>).</summary>
    public int Checked { get; private set; }

    /// <summary>Mutated APDUs (not clean ones).</summary>
    public int Mutated { get; private set; }

    /// <summary>Responses by status word ('61xx' and '6Cxx' as families), most frequent first.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> StatusWords =>
        [.. _statusWords.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)];

    /// <summary>APDUs by mutation, most frequent first.</summary>
    public IReadOnlyList<KeyValuePair<ApduMutation, int>> Mutations =>
        [.. _mutations.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key)];

    /// <summary>The first problems (up to <see cref="ApduFuzzOptions.ProblemsKept"/>).</summary>
    public IReadOnlyList<FuzzProblem> Problems => _problems;

    /// <summary>Time spent sending the fuzzed APDUs (the liveness check not included).</summary>
    public TimeSpan Elapsed { get; internal set; }

    public TimeSpan LivenessElapsed { get; internal set; }

    public LivenessResult Liveness { get; internal set; } = new(false, "not checked");

    /// <summary>Every APDU sent and answered with a proper status word, no transport error, and the card alive afterwards.</summary>
    public bool Passed => Sent == Requested && Answered == Sent && TransportErrors == 0 && NoStatusWord == 0 && Suspect == 0 && Liveness.Alive;

    internal void Count(FuzzApdu apdu)
    {
        Sent++;
        if (apdu.Expected is not null)
        {
            Checked++;
        }
        if (apdu.Mutation != ApduMutation.None)
        {
            Mutated++;
        }
        _mutations[apdu.Mutation] = _mutations.GetValueOrDefault(apdu.Mutation) + 1;
    }

    internal void Answer(byte[] response, FuzzVerdict verdict)
    {
        switch (verdict)
        {
            case FuzzVerdict.NoStatusWord:
                NoStatusWord++;
                break;
            case FuzzVerdict.Suspect:
                Suspect++;
                Answered++;
                break;
            default:
                Answered++;
                break;
        }
        if (response.Length >= 2)
        {
            string key = response[^2] switch
            {
                0x61 => "61xx",
                0x6C => "6Cxx",
                _ => Convert.ToHexString(response, response.Length - 2, 2),
            };
            _statusWords[key] = _statusWords.GetValueOrDefault(key) + 1;
        }
    }

    internal void Add(FuzzProblem problem, int keep)
    {
        if (problem.Verdict == FuzzVerdict.TransportError && !problem.What.StartsWith("reconnecting", StringComparison.Ordinal))
        {
            TransportErrors++;
        }
        if (_problems.Count < keep)
        {
            _problems.Add(problem);
        }
    }

    /// <summary>The one-screen summary: counts, top status words, mutations, elapsed time, liveness, first problems.</summary>
    public string Format(int topStatusWords = 8)
    {
        var s = new StringBuilder();
        void Line(string label, string value) => s.Append(CultureInfo.InvariantCulture, $"  {label,-22} {value}\n");
        Line("sent", $"{Sent} of {Requested} APDUs ({Mutated} mutated, {Sent - Mutated} clean), seed {Seed}");
        Line("with a status word", $"{Answered}");
        Line("transport errors", $"{TransportErrors}");
        Line("no status word", $"{NoStatusWord}");
        Line("suspect", $"{Suspect} ('6F00', data with an error, or not the status word due; {Checked} APDUs had one due)");
        double perApdu = Sent == 0 ? 0 : Elapsed.TotalMilliseconds / Sent;
        Line("elapsed", $"{Elapsed.TotalSeconds:0.0} s ({perApdu:0.00} ms per APDU), liveness check {LivenessElapsed.TotalMilliseconds:0} ms");
        bool first = true;
        foreach (var (sw, count) in StatusWords.Take(topStatusWords))
        {
            Line(first ? "top status words" : "", $"{sw} {count,6}  {Describe(sw)}");
            first = false;
        }
        if (_statusWords.Count > topStatusWords)
        {
            Line("", $"... {_statusWords.Count - topStatusWords} more, {StatusWords.Skip(topStatusWords).Sum(kv => kv.Value)} responses");
        }
        Line("mutations", string.Join(", ", Mutations.Where(kv => kv.Key != ApduMutation.None).Select(kv => $"{kv.Key} {kv.Value}")));
        Line("liveness", (Liveness.Alive ? "alive: " : "NOT ALIVE: ") + Liveness.Detail);
        if (_problems.Count > 0)
        {
            int all = TransportErrors + NoStatusWord + Suspect;
            s.Append(CultureInfo.InvariantCulture, $"  problems (first {_problems.Count} of {all}):\n");
            foreach (FuzzProblem p in _problems)
            {
                s.Append("    ").Append(p).Append('\n');
            }
        }
        return s.ToString();
    }

    private static string Describe(string key) => key switch
    {
        "61xx" => "response bytes still available",
        "6Cxx" => "wrong Le, exact length given",
        _ => Conformance.Euicc.Apdu.StatusWords.Describe(new StatusWord(Convert.ToUInt16(key, 16))),
    };
}
