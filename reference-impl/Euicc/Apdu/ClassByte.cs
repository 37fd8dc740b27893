namespace Conformance.Euicc.Apdu;

/// <summary>What the CLA byte says (ISO/IEC 7816-4 §5.4.1, GlobalPlatform Card Specification §11.1.4).</summary>
public enum ClassKind
{
    /// <summary>First interindustry class '0X': the ISO commands (SELECT, MANAGE CHANNEL, GET RESPONSE).</summary>
    Interindustry,

    /// <summary>Proprietary class '8X' with the same coding: GlobalPlatform and ETSI commands (STORE DATA, TERMINAL CAPABILITY).</summary>
    Proprietary,
}

/// <summary>A CLA byte decoded into its class kind and logical channel number.</summary>
public readonly record struct ClassByte(ClassKind Kind, int Channel)
{
    /// <summary>
    /// Decodes CLA. Answers null with the status word to return when the class cannot be served:
    /// '6E00' for an invalid or unknown class, '6882' for secure messaging, '6884' for command
    /// chaining, '6881' for a further interindustry class (channels 4 to 19, not offered by this card).
    /// </summary>
    public static ClassByte? TryDecode(byte cla, out StatusWord error)
    {
        error = StatusWords.NormalEnding;
        if (cla == 0xFF)
        {
            error = StatusWords.ClassNotSupported; // 'FF' is invalid (ISO/IEC 7816-4 §5.4.1)
            return null;
        }
        if ((cla & 0x40) != 0)
        {
            // Further interindustry ('4X'-'7X') and GlobalPlatform ('CX', 'EX') classes code
            // channels 4..19; the card offers channels 0..3 only.
            error = StatusWords.LogicalChannelNotSupported;
            return null;
        }
        int type = cla & 0xE0;
        if (type != 0x00 && type != 0x80)
        {
            error = StatusWords.ClassNotSupported; // '2X', 'AX', 'BX' are RFU or other families
            return null;
        }
        if ((cla & 0x10) != 0)
        {
            error = StatusWords.CommandChainingNotSupported;
            return null;
        }
        if ((cla & 0x0C) != 0)
        {
            error = StatusWords.SecureMessagingNotSupported;
            return null;
        }
        return new ClassByte(type == 0x80 ? ClassKind.Proprietary : ClassKind.Interindustry, cla & 0x03);
    }
}
