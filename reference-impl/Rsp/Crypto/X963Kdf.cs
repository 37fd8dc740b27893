using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Conformance.Rsp.Crypto;

/// <summary>
/// The key derivation function of ANSI X9.63 / BSI TR-03111 §4.3.3 with SHA-256, as SGP.22 v2.5
/// §2.6.5 and §3.1.3 use it: K_i = SHA-256(Z || counter_i || SharedInfo), counter a 4-byte
/// big-endian integer starting at 1; the output is K_1 || K_2 || ... cut to the requested length.
/// </summary>
public static class X963Kdf
{
    private const int HashLength = 32;

    public static byte[] Derive(ReadOnlySpan<byte> z, ReadOnlySpan<byte> sharedInfo, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var output = new byte[length];
        var input = new byte[z.Length + 4 + sharedInfo.Length];
        z.CopyTo(input);
        sharedInfo.CopyTo(input.AsSpan(z.Length + 4));
        Span<byte> block = stackalloc byte[HashLength];
        uint counter = 1;
        for (int done = 0; done < length; done += HashLength, counter++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(input.AsSpan(z.Length, 4), counter);
            SHA256.HashData(input, block);
            block[..Math.Min(HashLength, length - done)].CopyTo(output.AsSpan(done));
        }
        return output;
    }
}
