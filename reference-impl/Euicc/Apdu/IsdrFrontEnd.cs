namespace Conformance.Euicc.Apdu;

/// <summary>
/// The ISD-R APDU front end of the emulated eUICC (SGP.22 v2.5 §5.7.2, ETSI TS 102 221,
/// GlobalPlatform Card Specification v2.3 §11): logical channels, SELECT of the ISD-R, TERMINAL
/// CAPABILITY, STORE DATA reassembly into one ES10 command for an <see cref="IEs10Handler"/>, and
/// response chaining with '61xx' / GET RESPONSE. Every command is answered with a status word;
/// the front end does not throw on any input.
/// </summary>
public sealed partial class IsdrFrontEnd : IVirtualCard
{
    private const byte InsManageChannel = 0x70;
    private const byte InsSelect = 0xA4;
    private const byte InsGetResponse = 0xC0;
    private const byte InsStoreData = 0xE2;
    private const byte InsTerminalCapability = 0xAA;

    private readonly IEs10Handler _handler;
    private readonly IsdrOptions _options;
    private readonly ChannelState[] _channels;
    private readonly Lock _lock = new();

    public IsdrFrontEnd(IEs10Handler handler, IsdrOptions? options = null)
    {
        _handler = handler;
        _options = options ?? new IsdrOptions();
        _options.Validate();
        _channels = new ChannelState[1 + _options.ExtraLogicalChannels];
        for (int i = 0; i < _channels.Length; i++)
        {
            _channels[i] = new ChannelState();
        }
        _channels[0].Open = true;
    }

    /// <inheritdoc />
    public byte[] Atr => Apdu.Atr.Default.ToArray();

    /// <summary>Power on: a fresh card session (same effect as a reset).</summary>
    public void PowerOn() => Reset();

    /// <summary>Power off: channels and session state are lost; stored data stays.</summary>
    public void PowerOff() => Reset();

    /// <summary>
    /// Cold or warm reset: closes logical channels 1..3, deselects the ISD-R, drops partial
    /// STORE DATA sequences and pending responses, and tells the ES10 handler to drop its session state.
    /// </summary>
    public void Reset()
    {
        lock (_lock)
        {
            foreach (ChannelState channel in _channels)
            {
                channel.Clear();
            }
            _channels[0].Open = true;
            _handler.Reset();
        }
    }

    /// <summary>Processes one command APDU and returns the response APDU (data, if any, then SW1 SW2).</summary>
    public byte[] Transmit(ReadOnlySpan<byte> commandApdu)
    {
        lock (_lock)
        {
            return Process(commandApdu);
        }
    }

    private byte[] Process(ReadOnlySpan<byte> raw)
    {
        CommandApdu? command = CommandApdu.TryParse(raw);
        if (command is null)
        {
            return Sw(StatusWords.WrongLength);
        }
        ClassByte? cla = ClassByte.TryDecode(command.Cla, out StatusWord claError);
        if (cla is null)
        {
            return Sw(claError);
        }
        if (cla.Value.Channel >= _channels.Length || !_channels[cla.Value.Channel].Open)
        {
            return Sw(StatusWords.LogicalChannelNotSupported);
        }
        ChannelState channel = _channels[cla.Value.Channel];
        if (command.Ins != InsGetResponse)
        {
            // ISO/IEC 7816-4 §7.6.1: response data not fetched before the next command is lost.
            channel.Pending = null;
        }
        return command.Ins switch
        {
            InsManageChannel => Require(cla.Value, ClassKind.Interindustry) ?? ManageChannel(cla.Value, command),
            InsSelect => Require(cla.Value, ClassKind.Interindustry) ?? Select(channel, command),
            InsGetResponse => GetResponse(channel, command),
            InsStoreData => Require(cla.Value, ClassKind.Proprietary) ?? StoreData(channel, command),
            InsTerminalCapability => Require(cla.Value, ClassKind.Proprietary) ?? TerminalCapability(command),
            _ => Sw(StatusWords.InstructionNotSupported),
        };
    }

    private static byte[]? Require(ClassByte cla, ClassKind kind) =>
        cla.Kind == kind ? null : Sw(StatusWords.ClassNotSupported);

    /// <summary>
    /// TERMINAL CAPABILITY (ETSI TS 102 221 §11.1.19): CLA '80', INS 'AA', P1 P2 '0000', data = the terminal
    /// capability template 'A9' holding the terminal capability TLVs. SGP.22 LPAs may send it first; it is accepted
    /// and does not change state. A data field that is not one well-formed 'A9' template answers '6A80'.
    /// </summary>
    private static byte[] TerminalCapability(CommandApdu command)
    {
        if (command.P1 != 0 || command.P2 != 0)
        {
            return Sw(StatusWords.IncorrectP1P2);
        }
        if (!command.HasData)
        {
            return Sw(StatusWords.WrongLength);
        }
        return IsTerminalCapabilityTemplate(command.Data) ? Sw(StatusWords.NormalEnding) : Sw(StatusWords.IncorrectData);
    }

    /// <summary>
    /// Exactly one BER-TLV with tag 'A9' (ETSI TS 102 221 §11.1.19) whose value is a sequence of BER-TLV data
    /// objects, with '00' / 'FF' padding before, between or after them allowed (ISO/IEC 7816-4 §5.2.2).
    /// </summary>
    internal static bool IsTerminalCapabilityTemplate(ReadOnlySpan<byte> data)
    {
        if (data.Length == 0 || data[0] != 0xA9 || !TryReadTlv(data, out ReadOnlySpan<byte> value, out int consumed) || consumed != data.Length)
        {
            return false;
        }
        while (value.Length > 0)
        {
            if (value[0] is 0x00 or 0xFF)
            {
                value = value[1..];
                continue;
            }
            if (!TryReadTlv(value, out _, out int inner))
            {
                return false;
            }
            value = value[inner..];
        }
        return true;
    }

    /// <summary>
    /// One BER-TLV data object of ISO/IEC 7816-4 §5.2.2: a tag of 1 to 3 bytes, a definite length (short form, or
    /// '81' to '83' followed by 1 to 3 bytes; no indefinite '80'), and a value that lies inside the buffer.
    /// </summary>
    private static bool TryReadTlv(ReadOnlySpan<byte> tlv, out ReadOnlySpan<byte> value, out int consumed)
    {
        value = default;
        consumed = 0;
        int i = 1;
        if (tlv.Length == 0)
        {
            return false;
        }
        if ((tlv[0] & 0x1F) == 0x1F)
        {
            do
            {
                if (i >= tlv.Length || i == 3)
                {
                    return false;
                }
            }
            while ((tlv[i++] & 0x80) != 0);
        }
        if (i >= tlv.Length)
        {
            return false;
        }
        int first = tlv[i++];
        int length = first;
        if (first >= 0x80)
        {
            int count = first & 0x7F;
            if (count is 0 or > 3 || count > tlv.Length - i)
            {
                return false;
            }
            length = 0;
            for (int k = 0; k < count; k++)
            {
                length = (length << 8) | tlv[i++];
            }
        }
        if (length > tlv.Length - i)
        {
            return false;
        }
        value = tlv.Slice(i, length);
        consumed = i + length;
        return true;
    }

    /// <summary>
    /// Answers response data with at most Ne bytes now (256 when Le is absent or '00') and keeps
    /// the rest for GET RESPONSE, announced by '61xx' (ISO/IEC 7816-4 §7.6.1).
    /// </summary>
    private static byte[] Respond(ChannelState channel, byte[] data, int? ne)
    {
        channel.Pending = data;
        channel.PendingOffset = 0;
        return NextChunk(channel, ne ?? 256);
    }

    private static byte[] NextChunk(ChannelState channel, int count)
    {
        byte[] pending = channel.Pending!;
        int take = Math.Min(count, channel.PendingRemaining);
        int remaining = channel.PendingRemaining - take;
        var response = new byte[take + 2];
        pending.AsSpan(channel.PendingOffset, take).CopyTo(response);
        channel.PendingOffset += take;
        StatusWord sw = remaining > 0 ? StatusWord.BytesAvailable(remaining) : StatusWords.NormalEnding;
        if (remaining == 0)
        {
            channel.Pending = null;
            channel.PendingOffset = 0;
        }
        response[take] = sw.Sw1;
        response[take + 1] = sw.Sw2;
        return response;
    }

    private static byte[] Sw(StatusWord sw) => [sw.Sw1, sw.Sw2];
}
