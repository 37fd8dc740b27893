using System.Globalization;

namespace Conformance.Euicc.Apdu;

/// <summary>The two status bytes SW1 SW2 that end every response APDU (ISO/IEC 7816-4 §5.6).</summary>
public readonly record struct StatusWord(byte Sw1, byte Sw2)
{
    public StatusWord(ushort value) : this((byte)(value >> 8), (byte)value)
    {
    }

    /// <summary>SW1 SW2 as one number, e.g. 0x9000.</summary>
    public ushort Value => (ushort)((Sw1 << 8) | Sw2);

    /// <summary>'61xx': xx more response bytes are waiting for GET RESPONSE (xx = 00 means 256 or more).</summary>
    public static StatusWord BytesAvailable(int remaining) => new(0x61, (byte)Math.Min(remaining, 256));

    /// <summary>'6Cxx': wrong Le; xx is the exact number of bytes available.</summary>
    public static StatusWord WrongLe(int available) => new(0x6C, (byte)Math.Min(available, 256));

    public override string ToString() => Value.ToString("X4", CultureInfo.InvariantCulture) + " (" + StatusWords.Describe(this) + ")";
}
