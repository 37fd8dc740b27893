using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Saip;

namespace Conformance.Adapters.Bpp;

/// <summary>
/// The decrypted profile (SGP.22 v2.5 §5.5.5): it parses as a SAIP profile package, its header carries the ICCID
/// of the order and of StoreMetadata, and it is the ordered package when the harness knows it. When it is not
/// although every MAC verified, a block counter that did not advance is tested as the explanation
/// (<see cref="BlockCounterProbe"/>).
/// </summary>
internal static class ProfileChecks
{
    public static void Check(SequenceResult a3, IReadOnlyList<ReadOnlyMemory<byte>> segments, StoreMetadataRequest? metadata,
        BppVerificationInput input, BppFindings f)
    {
        if (a3.Plain is null && a3.BadPadding is null)
        {
            f.Skip("profile package not parsed: a '86' segment was refused");
            return;
        }
        ProfilePackage? upp = a3.Plain is null ? null : TryParse(a3.Plain, out _);
        bool wrongContent = a3.Plain is not null && input.ExpectedProfilePackage is { } e && !e.AsSpan().SequenceEqual(a3.Plain);
        if ((upp is null || wrongContent) && FrozenCounter(a3, segments, input.ExpectedProfilePackage, f))
        {
            return;
        }
        if (a3.BadPadding is not null)
        {
            f.Fail(a3.BadPadding);
            return;
        }
        if (upp is null)
        {
            TryParse(a3.Plain!, out string problem);
            f.Fail(new(BppRule.ProfilePackage, $"the decrypted '86' data is not a SAIP profile package: {problem}",
                "a SAIP ProfileElement sequence starting with the header", problem, "A3"));
            return;
        }
        f.Pass($"A3: the profile package parses as SAIP ({upp.Elements.Count} profile elements)");
        Iccids(upp, metadata, input.ExpectedIccid, f);
        if (wrongContent)
        {
            int at = FirstDifference(a3.Plain!, input.ExpectedProfilePackage!);
            int segment = a3.SegmentOf(at);
            f.Fail(new(BppRule.ProfileContent, $"the decrypted profile differs from the ordered one from byte {at} (segment {segment} of '86')",
                $"{input.ExpectedProfilePackage!.Length} bytes of the ordered package", $"{a3.Plain!.Length} bytes differing at {at}", "A3", segment));
        }
        else if (input.ExpectedProfilePackage is not null)
        {
            f.Pass($"A3: the decrypted profile is byte for byte the ordered one ({a3.Plain!.Length} bytes)");
        }
    }

    private static void Iccids(ProfilePackage upp, StoreMetadataRequest? metadata, string expectedIccid, BppFindings f)
    {
        if (!string.Equals(upp.Iccid, expectedIccid, StringComparison.OrdinalIgnoreCase))
        {
            f.Fail(new(BppRule.ProfileIccid, $"the profile package carries ICCID {upp.Iccid}, not the ordered {expectedIccid}", expectedIccid, upp.Iccid, "A3"));
        }
        else
        {
            f.Pass($"A3: profile header ICCID {upp.Iccid} is the ordered profile's");
        }
        if (metadata is null)
        {
            return;
        }
        string metadataIccid = metadata.Iccid.ToString();
        if (!string.Equals(metadataIccid, upp.Iccid, StringComparison.OrdinalIgnoreCase))
        {
            f.Fail(new(BppRule.MetadataIccid, $"StoreMetadata carries ICCID {metadataIccid}, the profile header {upp.Iccid}", upp.Iccid, metadataIccid, "A1"));
        }
        else
        {
            f.Pass("StoreMetadata ICCID is the profile header's");
        }
    }

    private static bool FrozenCounter(SequenceResult a3, IReadOnlyList<ReadOnlyMemory<byte>> segments, byte[]? expected, BppFindings f)
    {
        if (segments.Count < 2)
        {
            return false;
        }
        byte[]? frozen = BlockCounterProbe.DecryptAllWith(a3.Keys, a3.FirstCounter, segments);
        bool explains = frozen is not null && (expected is null ? TryParse(frozen, out _) is not null : frozen.AsSpan().SequenceEqual(expected));
        if (!explains)
        {
            return false;
        }
        ulong c = a3.FirstCounter;
        f.Fail(new(BppRule.BlockCounter, FormattableString.Invariant(
            $"segment 1 of '86' is encrypted with block counter {c}, the counter of segment 0: the counter is not incremented per segment"),
            FormattableString.Invariant($"counter {c + 1}"), FormattableString.Invariant($"counter {c}"), "A3", 1));
        return true;
    }

    private static int FirstDifference(byte[] a, byte[] b)
    {
        int n = a.AsSpan().CommonPrefixLength(b);
        return n;
    }

    private static ProfilePackage? TryParse(byte[] plain, out string problem)
    {
        try
        {
            problem = "";
            return ProfilePackage.Parse(plain);
        }
        catch (Exception e) when (e is SaipException or Rsp.Asn1.Asn1DecodeException)
        {
            problem = e.Message;
            return null;
        }
    }
}
