using Conformance.Rsp.Bsp;
using Conformance.Rsp.Crypto;

namespace Conformance.Adapters.Bpp;

/// <summary>The plain data of one sequence, or null when a segment was refused; and where its counter started.</summary>
/// <see cref="BadPadding"/> is a refusal left to the caller to name (a wrong block counter shows as bad padding).
internal sealed record SequenceResult(byte[]? Plain, ulong FirstCounter, SessionKeys Keys, BppViolation? BadPadding = null)
{
    /// <summary>Length of the plain data of each segment, in order.</summary>
    public IReadOnlyList<int> PlainLengths { get; init; } = [];

    /// <summary>The index of the segment holding plain byte <paramref name="offset"/>.</summary>
    public int SegmentOf(int offset)
    {
        for (int i = 0, end = 0; i < PlainLengths.Count; i++)
        {
            end += PlainLengths[i];
            if (offset < end)
            {
                return i;
            }
        }
        return Math.Max(0, PlainLengths.Count - 1);
    }
}

/// <summary>
/// Verifies the segments of one sequence with a <see cref="BspInstance"/> as the eUICC does (SGP.22 v2.5 §2.6.4):
/// length, tag, MAC chained from the previous segment, block counter, decryption and padding. On a refused
/// segment it names the rule broken: a MAC that verifies with the previous segment's chaining value means the
/// chain was not advanced; a segment equal to the previous one was repeated.
/// </summary>
internal static class SegmentWalker
{
    public static SequenceResult Run(BspInstance bsp, SessionKeys keys, string sequence, byte tag, bool encrypted,
        IReadOnlyList<ReadOnlyMemory<byte>> segments, BppFindings f)
    {
        ulong firstCounter = bsp.BlockCounter;
        if (!LengthsOk(sequence, tag, segments, f))
        {
            f.Skip($"{sequence}: MAC chain and decryption not checked past an oversized segment");
            return new SequenceResult(null, firstCounter, keys);
        }
        using var plain = new MemoryStream();
        byte[]? previousMcv = null;
        var lengths = new List<int>();
        for (int i = 0; i < segments.Count; i++)
        {
            byte[] mcvBefore = bsp.MacChainingValue;
            try
            {
                byte[] data = encrypted ? bsp.VerifyAndDecrypt(tag, segments[i].Span) : bsp.VerifyMacOnly(tag, segments[i].Span);
                plain.Write(data);
                lengths.Add(data.Length);
            }
            catch (BspException e)
            {
                BppViolation v = Refused(e, keys, previousMcv, sequence, tag, segments, i);
                if (e.Reason == BspError.BadPadding)
                {
                    return new SequenceResult(null, firstCounter, keys, v);
                }
                f.Fail(v);
                return new SequenceResult(null, firstCounter, keys);
            }
            previousMcv = mcvBefore;
        }
        if (segments.Count > 0)
        {
            f.Pass(FormattableString.Invariant(
                $"{sequence}: {segments.Count} '{tag:X2}' segment(s) verified, MAC chained, block counter {firstCounter}..{bsp.BlockCounter - 1}"));
        }
        return new SequenceResult(plain.ToArray(), firstCounter, keys) { PlainLengths = lengths };
    }

    private static bool LengthsOk(string sequence, byte tag, IReadOnlyList<ReadOnlyMemory<byte>> segments, BppFindings f)
    {
        var over = Enumerable.Range(0, segments.Count).Where(i => segments[i].Length > BspInstance.MaxSegmentLength).ToList();
        if (over.Count == 0)
        {
            f.Pass($"{sequence}: every '{tag:X2}' segment is at most {BspInstance.MaxSegmentLength} bytes");
            return true;
        }
        int i = over[0];
        string more = over.Count > 1 ? $" ({over.Count - 1} more segment(s) too)" : "";
        // SGP.22 §2.6.4: a segment, including tag, length and MAC, is at most 1020 bytes.
        f.Fail(new(BppRule.SegmentLength, $"segment {i} of '{tag:X2}' is {segments[i].Length} bytes, more than {BspInstance.MaxSegmentLength}{more}",
            $"at most {BspInstance.MaxSegmentLength} bytes", $"{segments[i].Length} bytes", sequence, i));
        return false;
    }

    private static BppViolation Refused(BspException e, SessionKeys keys, byte[]? previousMcv, string sequence, byte tag,
        IReadOnlyList<ReadOnlyMemory<byte>> segments, int i)
    {
        ReadOnlySpan<byte> segment = segments[i].Span;
        string at = $"segment {i} of '{tag:X2}'";
        return e.Reason switch
        {
            BspError.MacMismatch when i > 0 && segment.SequenceEqual(segments[i - 1].Span) =>
                new(BppRule.MacChain, $"{at} repeats segment {i - 1}", "a new segment chained from the previous MAC", "the previous segment again", sequence, i),
            BspError.MacMismatch when previousMcv is not null && MacVerifies(keys, previousMcv, segment) =>
                new(BppRule.MacChain, $"{at} is MACed with the chaining value of segment {i - 1}, not chained from its MAC (MAC chain restarted per segment)",
                    $"MAC over the MCV after segment {i - 1}", $"MAC over the MCV before segment {i - 1}", sequence, i),
            BspError.MacMismatch when i > 0 && MacVerifies(keys, keys.InitialMacChainingValue, segment) =>
                new(BppRule.MacChain, $"{at} is MACed with the initial MAC chaining value (MAC chain restarted)",
                    $"MAC over the MCV after segment {i - 1}", "MAC over the initial MCV", sequence, i),
            BspError.MacMismatch =>
                new(BppRule.MacChain, $"{at}: the MAC does not verify with the chaining value of the previous segment", "a valid chained MAC", e.Detail, sequence, i),
            _ => new(BppRule.SegmentFormat, $"{at}: {e.Reason}: {e.Detail}", "a well-formed segment", e.Detail, sequence, i),
        };
    }

    private static bool MacVerifies(SessionKeys keys, byte[] mcv, ReadOnlySpan<byte> segment)
    {
        using var probe = new BspInstance(new SessionKeys(keys.SEnc, keys.SMac, mcv));
        try
        {
            probe.VerifyMacOnly(segment[0], segment);
            return true;
        }
        catch (BspException)
        {
            return false;
        }
    }
}
