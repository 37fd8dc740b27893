using Conformance.Euicc.Apdu;

namespace Conformance.Adapters.Tests.Es10;

/// <summary>
/// An in-test eUICC: answers each ES10 command by its outer tag from a script (a function of the command),
/// and keeps every command it received. Stands in for the emulated eUICC's ES10 logic; tests that only need
/// a well-behaved eUICC can later be pointed at the real handler through <see cref="Es10Card"/>.
/// </summary>
internal sealed class ScriptedEs10Handler : IEs10Handler
{
    private readonly Dictionary<string, Func<byte[], byte[]>> _script = new(StringComparer.Ordinal);

    public List<byte[]> Commands { get; } = [];

    /// <summary>Answers commands whose DER starts with <paramref name="tagHex"/> ("BF2E").</summary>
    public ScriptedEs10Handler On(string tagHex, Func<byte[], byte[]> answer)
    {
        _script[tagHex] = answer;
        return this;
    }

    public ScriptedEs10Handler On(string tagHex, string responseHex) => On(tagHex, _ => Convert.FromHexString(responseHex));

    public byte[] Handle(ReadOnlySpan<byte> command)
    {
        byte[] copy = command.ToArray();
        Commands.Add(copy);
        string hex = Convert.ToHexString(copy);
        foreach ((string tag, Func<byte[], byte[]> answer) in _script.OrderByDescending(s => s.Key.Length))
        {
            if (hex.StartsWith(tag, StringComparison.Ordinal))
            {
                return answer(copy);
            }
        }
        throw new Es10StatusException(StatusWords.IncorrectData, "no scripted answer");
    }

    public void Reset()
    {
    }
}
