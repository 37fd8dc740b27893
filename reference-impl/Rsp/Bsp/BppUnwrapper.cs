using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Crypto;

namespace Conformance.Rsp.Bsp;

/// <summary>Where a BPP segment sits: its sequence (A0, A1, A2, A3), index in it, and tag.</summary>
public sealed record BppSegmentPosition(string Sequence, int Index, byte Tag, int Length)
{
    public override string ToString() => FormattableString.Invariant($"{Sequence}[{Index}] {Tag:X2} ({Length} bytes)");
}

/// <summary>A segment of a bound profile package that failed BSP verification, with its position.</summary>
public sealed class BppUnwrapException(BppSegmentPosition position, int segmentNumber, Exception inner)
    : Exception($"segment {segmentNumber} ({position}): {inner.Message}", inner)
{
    /// <summary>Position of the failing segment in the package.</summary>
    public BppSegmentPosition Position { get; } = position;

    /// <summary>Number of the failing segment counted over the whole package from 0.</summary>
    public int SegmentNumber { get; } = segmentNumber;
}

/// <summary>The plain contents of a bound profile package.</summary>
public sealed record UnwrappedBpp(
    byte[] ConfigureIsdp,
    byte[] StoreMetadata,
    byte[]? ReplaceSessionKeys,
    byte[] ProfilePackage,
    IReadOnlyList<BppSegmentPosition> Segments)
{
    /// <summary>The PPKs the package carried (from its ReplaceSessionKeysRequest), if any.</summary>
    public ReplaceSessionKeysRequest? ReplaceSessionKeysRequest =>
        ReplaceSessionKeys is null ? null : Asn1.Messages.ReplaceSessionKeysRequest.Decode(ReplaceSessionKeys);
}

/// <summary>
/// Verifies and decrypts a whole bound profile package the way an eUICC does (SGP.22 v2.5 §2.5.4, §2.6.4,
/// §5.5): one BSP instance with the session keys over the <c>87</c> of ConfigureISDP, the <c>88</c> of
/// StoreMetadata and the <c>87</c> of ReplaceSessionKeys, in that order (block counter and MAC chaining
/// carry across); then the <c>86</c> profile segments with a fresh instance on the PPKs when
/// ReplaceSessionKeys is present, otherwise with the session instance continued. The plain texts are
/// returned as received, undecoded: callers decide how strictly to parse them.
/// </summary>
public static class BppUnwrapper
{
    /// <param name="bpp">The package.</param>
    /// <param name="sessionKeys">S-ENC, S-MAC and initial MCV of the session.</param>
    /// <param name="ppkOverride">PPKs to use for the <c>86</c> segments instead of those the package carries.</param>
    public static UnwrappedBpp Unwrap(BoundProfilePackage bpp, SessionKeys sessionKeys, SessionKeys? ppkOverride = null)
    {
        var positions = new List<BppSegmentPosition>();
        using var session = new BspInstance(sessionKeys);
        byte[] configureIsdp = Run(session, bpp.FirstSequenceOf87, "A0", BspTags.Encrypted87, encrypted: true, positions);
        byte[] storeMetadata = Run(session, bpp.SequenceOf88, "A1", BspTags.MacOnly88, encrypted: false, positions);
        byte[]? replace = bpp.SecondSequenceOf87 is null
            ? null
            : Run(session, bpp.SecondSequenceOf87, "A2", BspTags.Encrypted87, encrypted: true, positions);
        SessionKeys? ppk = ppkOverride;
        if (ppk is null && replace is not null)
        {
            ReplaceSessionKeysRequest r = ReplaceSessionKeysRequest.Decode(replace);
            ppk = new SessionKeys(r.PpkEnc, r.PpkCmac, r.InitialMacChainingValue);
        }
        byte[] profile;
        if (ppk is null)
        {
            profile = Run(session, bpp.SequenceOf86, "A3", BspTags.ProfileElements, encrypted: true, positions);
        }
        else
        {
            using BspInstance profileBsp = session.ReplaceSessionKeys(ppk);
            profile = Run(profileBsp, bpp.SequenceOf86, "A3", BspTags.ProfileElements, encrypted: true, positions);
        }
        return new UnwrappedBpp(configureIsdp, storeMetadata, replace, profile, positions);
    }

    private static byte[] Run(BspInstance bsp, IReadOnlyList<ReadOnlyMemory<byte>> segments, string sequence, byte tag,
        bool encrypted, List<BppSegmentPosition> positions)
    {
        using var plain = new MemoryStream();
        for (int i = 0; i < segments.Count; i++)
        {
            var position = new BppSegmentPosition(sequence, i, tag, segments[i].Length);
            try
            {
                byte[] data = encrypted
                    ? bsp.VerifyAndDecrypt(tag, segments[i].Span)
                    : bsp.VerifyMacOnly(tag, segments[i].Span);
                plain.Write(data);
            }
            catch (BspException e)
            {
                throw new BppUnwrapException(position, positions.Count, e);
            }
            positions.Add(position);
        }
        return plain.ToArray();
    }
}
