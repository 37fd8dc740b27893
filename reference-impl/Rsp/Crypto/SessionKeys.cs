namespace Conformance.Rsp.Crypto;

/// <summary>
/// The keys of one BSP instance (SGP.22 v2.5 §2.6.4): S-ENC, S-MAC and the initial MAC chaining
/// value, each 16 bytes. After ReplaceSessionKeys (§5.5.4) the same shape holds PPK-ENC, PPK-MAC and
/// the PPK initial MCV.
/// </summary>
public sealed record SessionKeys
{
    public const int KeyLength = 16;

    public SessionKeys(byte[] sEnc, byte[] sMac, byte[] initialMacChainingValue)
    {
        SEnc = Check(sEnc, nameof(sEnc));
        SMac = Check(sMac, nameof(sMac));
        InitialMacChainingValue = Check(initialMacChainingValue, nameof(initialMacChainingValue));
    }

    /// <summary>S-ENC (or PPK-ENC): AES-128 key of the encrypted segments.</summary>
    public byte[] SEnc { get; }

    /// <summary>S-MAC (or PPK-MAC): AES-128 key of the CMAC.</summary>
    public byte[] SMac { get; }

    /// <summary>The MAC chaining value before the first segment.</summary>
    public byte[] InitialMacChainingValue { get; }

    private static byte[] Check(byte[] value, string name)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        if (value.Length != KeyLength)
        {
            throw new ArgumentException($"{name} must be {KeyLength} bytes, is {value.Length}", name);
        }
        return (byte[])value.Clone();
    }

    public override string ToString() => "SessionKeys { (secret) }";
}
