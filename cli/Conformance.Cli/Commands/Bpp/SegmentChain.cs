using Conformance.Adapters.Bpp;
using Conformance.Rsp.Bsp;
using Conformance.Rsp.Crypto;

namespace Conformance.Cli.Commands.Bpp;

/// <summary>The outcome of one sequence: its plain data (null when the MAC chain broke) and how many segments verified.</summary>
internal sealed record ChainResult(byte[]? Plain, int Verified);

/// <summary>
/// Verifies and decrypts the segments of one sequence with a BSP instance as the eUICC does (SGP.22 v2.5 §2.6.4), and
/// where a segment is refused finds out why, so that every rule broken is named and the package is read on: a
/// segment over 1020 bytes is reported and still verified; a segment that the MAC chain places elsewhere is a wrong
/// order (the chain is followed); a segment sent again is skipped; a segment wrapped in a second TLV of its tag is
/// read from inside. A MAC that verifies nowhere ends the sequence: the chain cannot be followed past it.
/// <c>firstSegmentHint</c> is said when the first segment verifies nowhere (what the user may be missing).
/// </summary>
internal sealed class SegmentChain(BspInstance bsp, SessionKeys keys, string sequence, byte tag, bool encrypted, List<BppViolation> violations,
    List<string> log, string? firstSegmentHint = null)
{
    public ChainResult Run(IReadOnlyList<ReadOnlyMemory<byte>> segments)
    {
        CheckLengths(segments);
        using var plain = new MemoryStream();
        var pending = Enumerable.Range(0, segments.Count).ToList();
        var accepted = new List<int>();
        while (pending.Count > 0)
        {
            int i = pending[0];
            if (TryVerify(segments[i], out byte[]? data, out BspException? e))
            {
                Accept(i, data!, pending, accepted, plain);
                continue;
            }
            if (Inner(segments[i]) is { } inner && TryVerify(inner, out data, out _))
            {
                violations.Add(new(BppRule.WrappedTwice, $"{At(i)} is wrapped twice: {tag:X2} {{ {tag:X2} {{ data, MAC }} }}; read from inside",
                    $"one '{tag:X2}' TLV", $"'{tag:X2}' inside '{tag:X2}'", sequence, i));
                Accept(i, data!, pending, accepted, plain);
                continue;
            }
            if (e!.Reason != BspError.MacMismatch)
            {
                Fail(BppRule.SegmentFormat, i, $"is refused ({e.Reason}: {e.Detail})", "a well-formed segment", e.Detail);
                return Broken(segments.Count, accepted.Count);
            }
            if (accepted.FirstOrDefault(a => segments[a].Span.SequenceEqual(segments[i].Span), -1) is int k and >= 0)
            {
                Fail(BppRule.MacChain, i, $"repeats segment {k}; the copy is skipped", "each segment once", $"segment {k} again");
                pending.RemoveAt(0);
                continue;
            }
            if (pending.Skip(1).FirstOrDefault(j => TryVerify(segments[j], out data, out _), -1) is int j and >= 0)
            {
                string after = accepted.Count == 0 ? "the start of the chain" : $"segment {accepted[^1]}";
                violations.Add(new(BppRule.SegmentOrder,
                    $"{sequence}: the '{tag:X2}' segments are out of order: segment {j} as sent carries the MAC chained from {after}, so it was protected as segment {i}",
                    "segments in the order of their MAC chain", $"segment {j} sent where segment {i} is expected", sequence, j));
                Accept(j, data!, pending, accepted, plain);
                continue;
            }
            Fail(BppRule.MacChain, i, Unverifiable(segments[i], i), "a MAC chained from the previous segment", e.Detail);
            return Broken(segments.Count, accepted.Count);
        }
        if (segments.Count > 0)
        {
            log.Add(FormattableString.Invariant($"ok   {sequence}: {segments.Count} '{tag:X2}' segment(s), every MAC verified in chain order"));
        }
        return new ChainResult(plain.ToArray(), accepted.Count);
    }

    private void Accept(int i, byte[] data, List<int> pending, List<int> accepted, MemoryStream plain)
    {
        plain.Write(data);
        pending.Remove(i);
        accepted.Add(i);
    }

    private ChainResult Broken(int count, int verified)
    {
        if (verified + 1 < count)
        {
            log.Add(FormattableString.Invariant($"skip {sequence}: {count - verified - 1} later segment(s) not verified: the MAC chain cannot be followed past a refused one"));
        }
        return new ChainResult(null, verified);
    }

    private void CheckLengths(IReadOnlyList<ReadOnlyMemory<byte>> segments)
    {
        var over = Enumerable.Range(0, segments.Count).Where(i => segments[i].Length > BspInstance.MaxSegmentLength).ToList();
        if (over.Count == 0)
        {
            return;
        }
        string list = string.Join(", ", over.Select(i => FormattableString.Invariant($"{i} ({segments[i].Length} bytes)")));
        // SGP.22 §2.6.4: a segment, including tag, length and MAC, is at most 1020 bytes (§2.5.5: one per STORE DATA sequence).
        violations.Add(new(BppRule.SegmentLength,
            $"{sequence}: {over.Count} '{tag:X2}' segment(s) longer than {BspInstance.MaxSegmentLength} bytes (tag, length and MAC included; §2.5.5): segment {list}",
            $"at most {BspInstance.MaxSegmentLength} bytes", FormattableString.Invariant($"{segments[over[0]].Length} bytes"), sequence, over[0]));
    }

    private bool TryVerify(ReadOnlyMemory<byte> segment, out byte[]? data, out BspException? error)
    {
        try
        {
            data = encrypted ? bsp.VerifyAndDecrypt(tag, segment.Span) : bsp.VerifyMacOnly(tag, segment.Span);
            error = null;
            return true;
        }
        catch (BspException e)
        {
            (data, error) = (null, e);
            return false;
        }
    }

    /// <summary>The value of the segment when it is exactly one TLV of the same tag.</summary>
    private ReadOnlyMemory<byte>? Inner(ReadOnlyMemory<byte> segment) =>
        LenientBppReader.TryRead(segment, out var outer) is null && outer!.Value.Length > 0 && outer.Value.Span[0] == tag
            && LenientBppReader.TryRead(outer.Value, out var inner) is null && inner!.Whole.Length == outer.Value.Length
            ? outer.Value : null;

    /// <summary>Why a MAC verifies nowhere: a chain restarted from the initial MCV, or simply a wrong MAC.</summary>
    private string Unverifiable(ReadOnlyMemory<byte> segment, int i)
    {
        if (i > 0 && MacVerifies(keys.InitialMacChainingValue, segment.Span))
        {
            return "is refused: it is MACed with the initial MAC chaining value, not chained from the previous segment's MAC (MAC chain restarted)";
        }
        return i == 0 && firstSegmentHint is not null
            ? $"is refused: its MAC does not verify; {firstSegmentHint}"
            : "is refused: its MAC does not verify with the chaining value of the previous segment";
    }

    private bool MacVerifies(byte[] mcv, ReadOnlySpan<byte> segment)
    {
        using var probe = new BspInstance(new SessionKeys(keys.SEnc, keys.SMac, mcv)) { EnforceSegmentLimit = false };
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

    private string At(int i) => FormattableString.Invariant($"{sequence}: segment {i} of '{tag:X2}'");

    private void Fail(BppRule rule, int i, string what, string expected, string actual) =>
        violations.Add(new(rule, $"{At(i)} {what}", expected, actual, sequence, i));
}
