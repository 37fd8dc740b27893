using Conformance.Euicc.Apdu;

namespace Conformance.Euicc.Tests;

/// <summary>An ES10 handler that records what it got and answers a programmable response.</summary>
internal sealed class RecordingHandler : IEs10Handler
{
    public List<byte[]> Commands { get; } = [];

    public int Resets { get; private set; }

    /// <summary>Computes the response from the command; by default echoes nothing but '9000'.</summary>
    public Func<byte[], byte[]> Respond { get; set; } = _ => [];

    public byte[] Handle(ReadOnlySpan<byte> command)
    {
        byte[] copy = command.ToArray();
        Commands.Add(copy);
        return Respond(copy);
    }

    public void Reset() => Resets++;
}

internal static class Hex
{
    public static byte[] Bytes(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));

    public static string Of(byte[] bytes) => Convert.ToHexString(bytes);

    /// <summary>Sends a hex APDU and returns the hex response.</summary>
    public static string Send(this IsdrFrontEnd card, string apdu) => Of(card.Transmit(Bytes(apdu)));

    /// <summary>Deterministic test bytes 00 01 02 ... of a given length.</summary>
    public static byte[] Pattern(int length, int seed = 0)
    {
        var b = new byte[length];
        for (int i = 0; i < length; i++)
        {
            b[i] = (byte)(i * 7 + seed);
        }
        return b;
    }
}
