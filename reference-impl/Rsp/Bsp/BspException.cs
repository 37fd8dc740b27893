namespace Conformance.Rsp.Bsp;

/// <summary>Why a BSP segment was refused (SGP.22 v2.5 §2.6.4).</summary>
public enum BspError
{
    /// <summary>The 8-byte MAC does not match the CMAC over MCV || tag || length || data.</summary>
    MacMismatch,

    /// <summary>The decrypted data does not end with the padding 80 00.. within its last block.</summary>
    BadPadding,

    /// <summary>The segment (tag, length, data, MAC) is longer than 1020 bytes.</summary>
    OversizedSegment,

    /// <summary>The segment's tag is not the one expected at this point (86, 87 or 88).</summary>
    WrongTag,

    /// <summary>The TLV is truncated, has trailing bytes, a non-minimal length, or a value too short or not block-aligned.</summary>
    MalformedSegment,
}

/// <summary>
/// A BSP segment that could not be protected or verified. <see cref="SegmentIndex"/> counts the
/// segments handled by the same BSP instance, starting at 0 (after ReplaceSessionKeys the count restarts).
/// </summary>
public sealed class BspException : Exception
{
    public BspException(int segmentIndex, BspError reason, string detail)
        : base($"BSP segment {segmentIndex}: {reason}: {detail}")
    {
        SegmentIndex = segmentIndex;
        Reason = reason;
        Detail = detail;
    }

    public int SegmentIndex { get; }

    public BspError Reason { get; }

    public string Detail { get; }
}
