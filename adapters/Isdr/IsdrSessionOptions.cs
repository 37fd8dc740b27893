namespace Conformance.Adapters.Isdr;

/// <summary>How the client reaches the ISD-R (SGP.22 v2.5 §5.7.2).</summary>
public sealed record IsdrSessionOptions
{
    /// <summary>The ISD-R AID of SGP.22 v2.5 §2.2.3.</summary>
    public byte[] IsdrAid { get; init; } = Convert.FromHexString("A0000005591010FFFFFFFF8900000100");

    /// <summary>Data bytes per STORE DATA block (1..255); LPAs commonly use 120.</summary>
    public int SegmentSize { get; init; } = 120;

    /// <summary>Select the ISD-R on the basic channel instead of opening a logical channel.</summary>
    public bool UseBasicChannel { get; init; }

    /// <summary>Send Le = '00' on the last STORE DATA block (case 4) rather than no Le (case 3).</summary>
    public bool LeOnLastBlock { get; init; } = true;

    /// <summary>Upper bound of a chained response, against a card that never stops answering '61xx'.</summary>
    public int MaxResponseLength { get; init; } = 1 << 20;

    internal void Validate()
    {
        if (SegmentSize is < 1 or > 255)
        {
            throw new ArgumentOutOfRangeException(nameof(SegmentSize), SegmentSize, "a STORE DATA block carries 1 to 255 bytes");
        }
        if (IsdrAid.Length is < 5 or > 16)
        {
            throw new ArgumentException($"an AID has 5 to 16 bytes, got {IsdrAid.Length}", nameof(IsdrAid));
        }
    }
}
