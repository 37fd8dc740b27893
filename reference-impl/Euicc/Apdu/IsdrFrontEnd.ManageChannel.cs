namespace Conformance.Euicc.Apdu;

public sealed partial class IsdrFrontEnd
{
    private const byte ManageChannelOpen = 0x00;
    private const byte ManageChannelClose = 0x80;
    private const int HighestChannelNumber = 19;

    /// <summary>
    /// MANAGE CHANNEL (ISO/IEC 7816-4 §11.1.2, ETSI TS 102 221 §11.1.17, GlobalPlatform §11.7).
    /// Open with P2 = '00': the card assigns the lowest free channel and answers exactly one byte,
    /// the channel number. Open with P2 = n opens channel n. Close: P1 = '80', P2 = the channel.
    /// Open by number and close are case 1 commands: over T=0 their TPDU is the header with P3 = '00'
    /// (ISO/IEC 7816-3 §12.2.2, e.g. lpac closes its channel with 00 70 80 01 00), which arrives here as a
    /// 5-byte APDU, read as Le = '00'. That form is accepted as "no Le"; any other Le is a wrong length.
    /// </summary>
    private byte[] ManageChannel(ClassByte cla, CommandApdu command)
    {
        if (command.HasData)
        {
            return Sw(StatusWords.WrongLength);
        }
        return command.P1 switch
        {
            ManageChannelOpen => OpenChannel(cla, command),
            ManageChannelClose => CloseChannel(command),
            _ => Sw(StatusWords.IncorrectP1P2),
        };
    }

    private byte[] OpenChannel(ClassByte cla, CommandApdu command)
    {
        int assigned;
        if (command.P2 == 0)
        {
            // Le is '01' (or '00'): exactly one byte comes back.
            if (command.Ne is not (null or 1 or 256))
            {
                return Sw(StatusWord.WrongLe(1));
            }
            assigned = Array.FindIndex(_channels, 1, c => !c.Open);
            if (assigned < 0)
            {
                // GlobalPlatform §11.7.3 / Java Card RE §4.5.1: no logical channel available -> '6A81'.
                return Sw(StatusWords.FunctionNotSupported);
            }
        }
        else
        {
            assigned = command.P2;
            // Java Card RE §4.5.1: channel not available or already open -> '6A86'.
            if (assigned >= _channels.Length || _channels[assigned].Open)
            {
                return Sw(StatusWords.IncorrectP1P2);
            }
            if (!IsCaseOne(command))
            {
                return Sw(StatusWords.WrongLength); // opening a named channel returns no data
            }
        }
        ChannelState opened = _channels[assigned];
        opened.Clear();
        opened.Open = true;
        // Opened from a channel other than the basic one, the new channel inherits its selection.
        opened.IsdrSelected = cla.Channel != 0 && _channels[cla.Channel].IsdrSelected;
        return command.P2 == 0
            ? [(byte)assigned, StatusWords.NormalEnding.Sw1, StatusWords.NormalEnding.Sw2]
            : Sw(StatusWords.NormalEnding);
    }

    private byte[] CloseChannel(CommandApdu command)
    {
        bool t0Form = command.Ne is not null;
        if (!IsCaseOne(command) || (t0Form && _options.Defects.Contains(Faults.EuiccDefect.RefuseCloseChannelWithP3)))
        {
            return Sw(StatusWords.WrongLength);
        }
        int target = command.P2;
        if (target == 0 || target > HighestChannelNumber)
        {
            return Sw(StatusWords.IncorrectP1P2); // the basic channel is never closed
        }
        if (target >= _channels.Length || !_channels[target].Open)
        {
            // GlobalPlatform §11.7 error conditions: '6881' logical channel not supported or not active.
            return Sw(StatusWords.LogicalChannelNotSupported);
        }
        _channels[target].Clear();
        return Sw(StatusWords.NormalEnding);
    }

    /// <summary>
    /// No data and no Le, or the T=0 TPDU of a case 1 command: the 5-byte header with P3 = '00'
    /// (ISO/IEC 7816-3 §12.2.2), which the short-APDU decoding reads as Le = '00' (Ne = 256).
    /// </summary>
    private static bool IsCaseOne(CommandApdu command) => !command.HasData && command.Ne is (null or 256);
}
