namespace Conformance.Adapters.Isdr;

/// <summary>CLA bytes for a logical channel (ISO/IEC 7816-4 §5.4.1, GlobalPlatform §11.1.4).</summary>
internal static class ClassByte
{
    /// <summary>Interindustry class: '0X' for channels 0..3, '4X' for 4..19.</summary>
    public static byte Iso(int channel) => channel < 4 ? (byte)channel : (byte)(0x40 | (channel - 4));

    /// <summary>GlobalPlatform class: '8X' for channels 0..3, 'CX' for 4..19.</summary>
    public static byte GlobalPlatform(int channel) => channel < 4 ? (byte)(0x80 | channel) : (byte)(0xC0 | (channel - 4));
}
