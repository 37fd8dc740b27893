namespace Conformance.Euicc.Apdu;

/// <summary>
/// A decoded short command APDU (ISO/IEC 7816-4 §5.1, cases 1 to 4). Extended lengths are not
/// offered by this card (the ATR and the card capabilities do not announce them): such a command
/// is a length error.
/// Ne is the maximum number of response bytes expected: null when Le is absent, 256 for Le = '00'.
/// </summary>
public sealed record CommandApdu(byte Cla, byte Ins, byte P1, byte P2, byte[] Data, int? Ne)
{
    /// <summary>True when the command has a data field (case 3 or 4).</summary>
    public bool HasData => Data.Length > 0;

    /// <summary>
    /// Decodes a short APDU; returns null when the length bytes do not describe the buffer
    /// (the caller answers '6700' wrong length).
    /// </summary>
    public static CommandApdu? TryParse(ReadOnlySpan<byte> apdu)
    {
        if (apdu.Length < 4)
        {
            return null;
        }
        byte cla = apdu[0], ins = apdu[1], p1 = apdu[2], p2 = apdu[3];
        if (apdu.Length == 4)
        {
            return new CommandApdu(cla, ins, p1, p2, [], null); // case 1
        }
        int first = apdu[4];
        if (apdu.Length == 5)
        {
            return new CommandApdu(cla, ins, p1, p2, [], first == 0 ? 256 : first); // case 2S
        }
        if (first == 0)
        {
            return null; // extended Lc: not offered by this card
        }
        if (apdu.Length == 5 + first)
        {
            return new CommandApdu(cla, ins, p1, p2, apdu.Slice(5, first).ToArray(), null); // case 3S
        }
        if (apdu.Length == 6 + first)
        {
            int le = apdu[5 + first];
            return new CommandApdu(cla, ins, p1, p2, apdu.Slice(5, first).ToArray(), le == 0 ? 256 : le); // case 4S
        }
        return null;
    }
}
