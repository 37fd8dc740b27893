namespace Conformance.Euicc.Apdu;

public sealed partial class IsdrFrontEnd
{
    /// <summary>
    /// GET RESPONSE (ISO/IEC 7816-4 §11.5.2, ETSI TS 102 221 §11.1.18): CLA '0X' or '8X', P1 P2 '0000',
    /// Le the number of bytes wanted. More than available -> '6Cxx' with the exact count (Le = '00'
    /// means "up to 256"); fewer -> those bytes and '61xx' for the rest.
    /// </summary>
    private static byte[] GetResponse(ChannelState channel, CommandApdu command)
    {
        if (command.P1 != 0 || command.P2 != 0)
        {
            return Sw(StatusWords.IncorrectP1P2);
        }
        if (command.HasData || command.Ne is null)
        {
            return Sw(StatusWords.WrongLength);
        }
        if (channel.Pending is null)
        {
            return Sw(StatusWords.ConditionsOfUseNotSatisfied); // nothing to get
        }
        int ne = command.Ne.Value;
        if (ne != 256 && ne > channel.PendingRemaining)
        {
            return Sw(StatusWord.WrongLe(channel.PendingRemaining));
        }
        return NextChunk(channel, ne);
    }
}
