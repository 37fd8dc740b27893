using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Conformance.Rsp.Bsp;

/// <summary>
/// Encryption of BSP segments (SGP.22 v2.5 §2.6.4): AES-CBC under S-ENC with the padding of
/// <see cref="BspPadding"/> and ICV = AES-ECB(S-ENC, block counter as 16-byte big-endian integer).
/// The counter is kept by <see cref="BspInstance"/>: it starts at 1 and grows by one per segment.
/// </summary>
internal sealed class BspCipher : IDisposable
{
    private readonly Aes _aes;

    public BspCipher(byte[] sEnc)
    {
        _aes = Aes.Create();
        _aes.Key = sEnc;
    }

    public byte[] Icv(ulong blockCounter)
    {
        Span<byte> block = stackalloc byte[16];
        block.Clear();
        BinaryPrimitives.WriteUInt64BigEndian(block[8..], blockCounter);
        return _aes.EncryptEcb(block, PaddingMode.None);
    }

    /// <summary>Pads and encrypts <paramref name="plain"/> into <paramref name="destination"/> (its padded length).</summary>
    public void Encrypt(ulong blockCounter, ReadOnlySpan<byte> plain, Span<byte> destination) =>
        _aes.EncryptCbc(BspPadding.Pad(plain), Icv(blockCounter), destination, PaddingMode.None);

    /// <summary>Decrypts block-aligned <paramref name="cipher"/>; the padding is still on the result.</summary>
    public byte[] DecryptPadded(ulong blockCounter, ReadOnlySpan<byte> cipher) =>
        _aes.DecryptCbc(cipher, Icv(blockCounter), PaddingMode.None);

    public void Dispose() => _aes.Dispose();
}
