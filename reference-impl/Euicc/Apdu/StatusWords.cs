namespace Conformance.Euicc.Apdu;

/// <summary>
/// Every status word the ISD-R front end answers, with the name the specifications give it:
/// ISO/IEC 7816-4 §5.6 (tables 5 and 6), ETSI TS 102 221 §10.2.1, GlobalPlatform Card Specification
/// v2.3 §11 (MANAGE CHANNEL, SELECT, STORE DATA error conditions). The front end uses these, never literals.
/// </summary>
public static class StatusWords
{
    /// <summary>'9000' Normal ending of the command.</summary>
    public static readonly StatusWord NormalEnding = new(0x9000);

    /// <summary>'6200' Warning: no information given, state of non-volatile memory unchanged.</summary>
    public static readonly StatusWord WarningStateUnchanged = new(0x6200);

    /// <summary>'6700' Wrong length (Lc or Le inconsistent with the command, or an extended length).</summary>
    public static readonly StatusWord WrongLength = new(0x6700);

    /// <summary>'6881' Function in CLA not supported: logical channel not supported or not open (GP: "not active").</summary>
    public static readonly StatusWord LogicalChannelNotSupported = new(0x6881);

    /// <summary>'6882' Function in CLA not supported: secure messaging not supported.</summary>
    public static readonly StatusWord SecureMessagingNotSupported = new(0x6882);

    /// <summary>'6884' Function in CLA not supported: command chaining not supported.</summary>
    public static readonly StatusWord CommandChainingNotSupported = new(0x6884);

    /// <summary>'6985' Command not allowed: conditions of use not satisfied.</summary>
    public static readonly StatusWord ConditionsOfUseNotSatisfied = new(0x6985);

    /// <summary>'6A80' Wrong parameters: incorrect parameters in the command data field.</summary>
    public static readonly StatusWord IncorrectData = new(0x6A80);

    /// <summary>'6A81' Wrong parameters: function not supported (e.g. no logical channel left).</summary>
    public static readonly StatusWord FunctionNotSupported = new(0x6A81);

    /// <summary>'6A82' Wrong parameters: file or application not found.</summary>
    public static readonly StatusWord FileOrApplicationNotFound = new(0x6A82);

    /// <summary>'6A84' Wrong parameters: not enough memory space in the file.</summary>
    public static readonly StatusWord NotEnoughMemorySpace = new(0x6A84);

    /// <summary>'6A88' Wrong parameters: referenced data or reference data not found (an ES10 command this eUICC does not know).</summary>
    public static readonly StatusWord ReferencedDataNotFound = new(0x6A88);

    /// <summary>'6A86' Wrong parameters: incorrect parameters P1-P2.</summary>
    public static readonly StatusWord IncorrectP1P2 = new(0x6A86);

    /// <summary>'6D00' Instruction code not supported or invalid.</summary>
    public static readonly StatusWord InstructionNotSupported = new(0x6D00);

    /// <summary>'6E00' Class not supported.</summary>
    public static readonly StatusWord ClassNotSupported = new(0x6E00);

    /// <summary>'6F00' No precise diagnosis (the command failed inside the card).</summary>
    public static readonly StatusWord NoPreciseDiagnosis = new(0x6F00);

    private static readonly Dictionary<ushort, string> Names = new()
    {
        [NormalEnding.Value] = "normal ending",
        [WarningStateUnchanged.Value] = "warning, state unchanged",
        [WrongLength.Value] = "wrong length",
        [LogicalChannelNotSupported.Value] = "logical channel not supported",
        [SecureMessagingNotSupported.Value] = "secure messaging not supported",
        [CommandChainingNotSupported.Value] = "command chaining not supported",
        [ConditionsOfUseNotSatisfied.Value] = "conditions of use not satisfied",
        [IncorrectData.Value] = "incorrect parameters in the data field",
        [FunctionNotSupported.Value] = "function not supported",
        [FileOrApplicationNotFound.Value] = "file or application not found",
        [NotEnoughMemorySpace.Value] = "not enough memory space",
        [IncorrectP1P2.Value] = "incorrect parameters P1-P2",
        [ReferencedDataNotFound.Value] = "referenced data not found",
        [InstructionNotSupported.Value] = "instruction not supported",
        [ClassNotSupported.Value] = "class not supported",
        [NoPreciseDiagnosis.Value] = "no precise diagnosis",
    };

    /// <summary>The specification's name of a status word, including the '61xx' and '6Cxx' families.</summary>
    public static string Describe(StatusWord sw) => sw.Sw1 switch
    {
        0x61 => $"{(sw.Sw2 == 0 ? 256 : sw.Sw2)} response bytes still available",
        0x6C => $"wrong Le, {(sw.Sw2 == 0 ? 256 : sw.Sw2)} bytes available",
        _ => Names.TryGetValue(sw.Value, out string? name) ? name : "unknown status word",
    };
}
