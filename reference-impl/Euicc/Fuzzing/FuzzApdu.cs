using Conformance.Euicc.Apdu;

namespace Conformance.Euicc.Fuzzing;

/// <summary>What <see cref="ApduMutator"/> did to the clean APDU a fuzzed command comes from.</summary>
public enum ApduMutation
{
    /// <summary>A clean APDU of the corpus (or a step of a scripted probe), sent as it is.</summary>
    None,

    /// <summary>One bit of the APDU flipped.</summary>
    BitFlip,

    /// <summary>One byte of the APDU replaced by a random one.</summary>
    RandomByte,

    /// <summary>Cut short, still 4 bytes or more.</summary>
    Truncated,

    /// <summary>Cut below the 4-byte header (2 or 3 bytes through vpcd).</summary>
    TruncatedBelowHeader,

    /// <summary>Lc that does not count the data field.</summary>
    WrongLc,

    /// <summary>Re-encoded with extended Lc / Le (3-byte Lc, 2- or 3-byte Le), which this card does not offer.</summary>
    ExtendedLength,

    /// <summary>A random CLA byte.</summary>
    RandomCla,

    /// <summary>A random INS byte.</summary>
    RandomIns,

    /// <summary>Random P1 and/or P2.</summary>
    RandomP1P2,

    /// <summary>Random bytes appended.</summary>
    AppendedBytes,

    /// <summary>A length inside the ES10 command that lies: beyond the data, long forms '84' / '85', indefinite '80', non-minimal.</summary>
    GarbageTlvLength,

    /// <summary>One bit of the ES10 command in a STORE DATA block flipped (Lc still right).</summary>
    Es10BitFlip,

    /// <summary>A data field of 255 bytes.</summary>
    LongData,

    /// <summary>A command on a logical channel that was closed just before.</summary>
    ClosedChannel,

    /// <summary>A STORE DATA block whose block number (P2) is out of sequence.</summary>
    WrongBlockNumber,

    /// <summary>A STORE DATA block whose P1 is neither '11' (more blocks) nor '91' (last block).</summary>
    WrongChainingP1,

    /// <summary>GET RESPONSE after '61xx' with a wrong Le, P1-P2 or a data field.</summary>
    WrongGetResponse,

    /// <summary>Random bytes of random length.</summary>
    RandomBytes,
}

/// <summary>
/// One fuzzed command APDU: the bytes, the clean APDU it was made from (<paramref name="Origin"/>), what was done to
/// it, and the status word the card must answer when that does not depend on the card's state (null otherwise).
/// </summary>
public sealed record FuzzApdu(byte[] Command, string Origin, ApduMutation Mutation, StatusWord? Expected)
{
    /// <summary>The command in hex.</summary>
    public string Hex => Convert.ToHexString(Command);
}
