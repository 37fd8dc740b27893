namespace Conformance.Rsp.Crypto;

/// <summary>
/// Session key derivation of the BSP (SGP.22 v2.5 §2.6.4, §3.1.3; GlobalPlatform Amd. F key
/// derivation with the X9.63 KDF of BSI TR-03111): from the ECKA shared secret ShS,
/// KeyData = KDF(ShS, SharedInfo, 48) with
/// SharedInfo = keyType || keyLength || len(hostId) || hostId || len(EID) || EID,
/// and KeyData = initial MCV (16) || S-ENC (16) || S-MAC (16).
/// keyType and keyLength come from the CRT of InitialiseSecureChannel (§5.5.1): '88' (AES) and 16.
/// </summary>
public static class SessionKeyDerivation
{
    /// <summary>Key type '88': AES (control reference template of InitialiseSecureChannel).</summary>
    public const byte KeyTypeAes = 0x88;

    /// <summary>Key length 16 bytes (AES-128).</summary>
    public const byte KeyLength16 = 0x10;

    /// <summary>The SharedInfo input of the KDF.</summary>
    public static byte[] SharedInfo(byte keyType, byte keyLength, ReadOnlySpan<byte> hostId, ReadOnlySpan<byte> eid)
    {
        if (hostId.Length > 255 || eid.Length > 255)
        {
            throw new ArgumentException("hostId and EID must each be at most 255 bytes (one length byte)");
        }
        var info = new byte[2 + 1 + hostId.Length + 1 + eid.Length];
        info[0] = keyType;
        info[1] = keyLength;
        info[2] = (byte)hostId.Length;
        hostId.CopyTo(info.AsSpan(3));
        info[3 + hostId.Length] = (byte)eid.Length;
        eid.CopyTo(info.AsSpan(4 + hostId.Length));
        return info;
    }

    /// <summary>Derives initial MCV, S-ENC and S-MAC from the shared secret.</summary>
    public static SessionKeys Derive(ReadOnlySpan<byte> sharedSecret, ReadOnlySpan<byte> hostId, ReadOnlySpan<byte> eid,
        byte keyType = KeyTypeAes, byte keyLength = KeyLength16)
    {
        if (keyLength != SessionKeys.KeyLength)
        {
            throw new ArgumentException($"only AES-128 session keys are supported (keyLength {SessionKeys.KeyLength}), got {keyLength}", nameof(keyLength));
        }
        byte[] keyData = X963Kdf.Derive(sharedSecret, SharedInfo(keyType, keyLength, hostId, eid), 3 * keyLength);
        return new SessionKeys(
            sEnc: keyData[16..32],
            sMac: keyData[32..48],
            initialMacChainingValue: keyData[..16]);
    }
}
