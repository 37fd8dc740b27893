using System.Buffers.Binary;
using System.Security.Cryptography;
using Conformance.Rsp.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;

namespace Conformance.SmdpPlus.Crypto;

/// <summary>
/// A deliberately WRONG SCP03t protection of '86' segments, for the defects <see cref="SmdpDefect.RestartMacChainPerSegment"/>
/// and <see cref="SmdpDefect.FrozenBlockCounter"/>. Same primitives as the BSP of SGP.22 v2.5 §2.6.4 (ICV =
/// AES(S-ENC, counter), AES-CBC with 80 00.. padding, CMAC over MCV || tag || length || data, 8 bytes kept),
/// but the chaining value and/or the counter do not advance from one segment to the next. Never used otherwise.
/// </summary>
internal sealed class DefectiveBsp(SessionKeys keys, ulong counter, byte[] mcv, bool restartChain, bool freezeCounter)
{
    public byte[] EncryptAndMac(byte tag, ReadOnlySpan<byte> plain)
    {
        using Aes aes = Aes.Create();
        aes.Key = keys.SEnc;
        Span<byte> block = stackalloc byte[16];
        block.Clear();
        BinaryPrimitives.WriteUInt64BigEndian(block[8..], counter);
        byte[] icv = aes.EncryptEcb(block, PaddingMode.None);
        int padded = ((plain.Length / 16) + 1) * 16;
        byte[] data = new byte[padded];
        plain.CopyTo(data);
        data[plain.Length] = 0x80;
        byte[] cipher = aes.EncryptCbc(data, icv, PaddingMode.None);
        int valueLength = cipher.Length + 8;
        byte[] header = valueLength < 0x80 ? [tag, (byte)valueLength]
            : valueLength < 0x100 ? [tag, 0x81, (byte)valueLength]
            : [tag, 0x82, (byte)(valueLength >> 8), (byte)valueLength];
        byte[] segment = [.. header, .. cipher, 0, 0, 0, 0, 0, 0, 0, 0];
        var cmac = new CMac(new AesEngine());
        cmac.Init(new KeyParameter(keys.SMac));
        cmac.BlockUpdate(mcv, 0, mcv.Length);
        cmac.BlockUpdate(segment, 0, segment.Length - 8);
        byte[] full = new byte[16];
        cmac.DoFinal(full, 0);
        full.AsSpan(0, 8).CopyTo(segment.AsSpan(segment.Length - 8));
        if (!restartChain)
        {
            mcv = full;
        }
        if (!freezeCounter)
        {
            counter++;
        }
        return segment;
    }
}
