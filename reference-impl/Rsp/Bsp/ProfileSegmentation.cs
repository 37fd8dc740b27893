namespace Conformance.Rsp.Bsp;

/// <summary>
/// Splits a profile package into '86' segments and joins them back (SGP.22 v2.5 §2.5.5, §2.6.4):
/// the SM-DP+ cuts the protected profile package into pieces of at most 1007 bytes, each encrypted
/// and MACed into a segment of at most 1020 bytes, in order; the eUICC verifies, decrypts and concatenates.
/// </summary>
public static class ProfileSegmentation
{
    /// <summary>Protects <paramref name="profile"/> as consecutive '86' segments with <paramref name="bsp"/>.</summary>
    public static IReadOnlyList<byte[]> Protect(BspInstance bsp, ReadOnlySpan<byte> profile)
    {
        ArgumentNullException.ThrowIfNull(bsp);
        if (profile.IsEmpty)
        {
            throw new ArgumentException("a profile package is not empty", nameof(profile));
        }
        int chunk = BspInstance.MaxPlainLength(encrypted: true);
        var segments = new List<byte[]>((profile.Length + chunk - 1) / chunk);
        for (int at = 0; at < profile.Length; at += chunk)
        {
            segments.Add(bsp.EncryptAndMac(BspTags.ProfileElements, profile.Slice(at, Math.Min(chunk, profile.Length - at))));
        }
        return segments;
    }

    /// <summary>Verifies and decrypts consecutive '86' segments with <paramref name="bsp"/> and returns the joined data.</summary>
    public static byte[] Unprotect(BspInstance bsp, IEnumerable<ReadOnlyMemory<byte>> segments)
    {
        ArgumentNullException.ThrowIfNull(bsp);
        ArgumentNullException.ThrowIfNull(segments);
        using var joined = new MemoryStream();
        foreach (ReadOnlyMemory<byte> segment in segments)
        {
            joined.Write(bsp.VerifyAndDecrypt(BspTags.ProfileElements, segment.Span));
        }
        return joined.ToArray();
    }
}
