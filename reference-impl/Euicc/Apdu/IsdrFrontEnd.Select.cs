namespace Conformance.Euicc.Apdu;

public sealed partial class IsdrFrontEnd
{
    private const byte SelectByDfName = 0x04;
    private const byte SelectReturnFci = 0x00;
    private const byte SelectNoResponseData = 0x0C;

    /// <summary>
    /// SELECT by DF name (ISO/IEC 7816-4 §11.2.2, GlobalPlatform §11.9): P1 = '04', P2 = '00' (first
    /// occurrence, FCI) or '0C' (no response data). The ISD-R is selected by its full AID, or by a
    /// right-truncated part of at least 5 bytes (the ATR announces selection by partial DF name).
    /// SGP.22 v2.5 §5.7.2: the LPA selects the ISD-R, on a logical channel or the basic one, with no Le;
    /// a case 3 SELECT is answered '9000' with no data, a case 4 SELECT with the FCI.
    /// </summary>
    private byte[] Select(ChannelState channel, CommandApdu command)
    {
        if (command.P1 != SelectByDfName || command.P2 is not (SelectReturnFci or SelectNoResponseData))
        {
            return Sw(StatusWords.IncorrectP1P2);
        }
        if (!command.HasData)
        {
            return Sw(StatusWords.WrongLength);
        }
        byte[] aid = _options.IsdrAid;
        bool matches = command.Data.Length >= 5 && command.Data.Length <= aid.Length
            && aid.AsSpan(0, command.Data.Length).SequenceEqual(command.Data);
        if (!matches)
        {
            // The current selection stays as it was.
            return Sw(StatusWords.FileOrApplicationNotFound);
        }
        channel.IsdrSelected = true;
        channel.AbandonStoreData();
        if (command.P2 == SelectNoResponseData || command.Ne is null)
        {
            return Sw(StatusWords.NormalEnding);
        }
        return Respond(channel, Fci(aid), command.Ne);
    }

    /// <summary>
    /// FCI template '6F': '84' the AID, 'A5' proprietary data with '9F65' the maximum length of a
    /// command data field (255).
    /// </summary>
    private static byte[] Fci(byte[] aid)
    {
        byte[] proprietary = [0xA5, 0x04, 0x9F, 0x65, 0x01, 0xFF];
        var fci = new List<byte> { 0x6F, (byte)(2 + aid.Length + proprietary.Length), 0x84, (byte)aid.Length };
        fci.AddRange(aid);
        fci.AddRange(proprietary);
        return [.. fci];
    }
}
