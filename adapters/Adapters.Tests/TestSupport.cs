using System.Security.Cryptography;
using Conformance.Euicc.Apdu;

namespace Conformance.Adapters.Tests;

/// <summary>
/// A test ES10 handler: GetEuiccData ('BF3E035C015A') answers a fixed EID message, 'BF2D' answers a
/// long (700-byte) response, anything else answers 'BF7F' with the SHA-256 of the command so a
/// test can check the command arrived whole.
/// </summary>
internal sealed class TestEs10Handler : IEs10Handler
{
    public const string Eid = "89049032123451234512345678901235";
    public static readonly byte[] GetEuiccData = Convert.FromHexString("BF3E035C015A");
    public static readonly byte[] EidResponse = Convert.FromHexString("BF3E125A10" + Eid);

    public List<byte[]> Commands { get; } = [];

    public static byte[] LongResponse()
    {
        var body = new byte[696];
        for (int i = 0; i < body.Length; i++)
        {
            body[i] = (byte)(i * 13 + 1);
        }
        return [0xBF, 0x2D, 0x82, 0x02, 0xB8, .. body[..^1]];
    }

    public byte[] Handle(ReadOnlySpan<byte> command)
    {
        byte[] copy = command.ToArray();
        lock (Commands)
        {
            Commands.Add(copy);
        }
        if (command.SequenceEqual(GetEuiccData))
        {
            return EidResponse;
        }
        if (command.Length >= 2 && command[0] == 0xBF && command[1] == 0x2D)
        {
            return LongResponse();
        }
        if (command.Length >= 2 && command[0] == 0xBF && command[1] == 0x22)
        {
            throw new Es10StatusException(StatusWords.IncorrectData, "test: refused");
        }
        return [0xBF, 0x7F, 0x20, .. SHA256.HashData(command)];
    }

    public void Reset()
    {
    }
}
