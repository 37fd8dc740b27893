using Conformance.Rsp.Asn1;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Bsp;
using Conformance.Rsp.Crypto;

namespace Conformance.Adapters.Bpp;

/// <summary>
/// Checks a bound profile package received from an SM-DP+ under test against every rule of SGP.22 v2.5 §2.5.4,
/// §2.6.4 and §5.5 that SGP.23 §4.3.13 verifies, by doing what the eUICC does: strict decoding of the four
/// sequences, the InitialiseSecureChannel checks, session keys from otSK.EUICC.ECKA and otPK.DP.ECKA, one BSP
/// instance over ConfigureISDP ('87'), StoreMetadata ('88', MAC only) and ReplaceSessionKeys ('87'), then the
/// '86' profile segments on the PPKs when ReplaceSessionKeys is present; then the contents: StoreMetadata equal
/// to the profileMetadata of AuthenticateClient, ICCIDs, and the profile parsed as SAIP. Every broken rule is
/// reported (the checks go on where the eUICC side can), none is thrown.
/// </summary>
public static class BppVerifier
{
    public static BppVerificationReport Verify(ReadOnlyMemory<byte> boundProfilePackage, BppVerificationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var f = new BppFindings();
        BoundProfilePackage bpp;
        try
        {
            bpp = BoundProfilePackage.Decode(boundProfilePackage);
            f.Pass("BoundProfilePackage decodes: BF23, A0, A1, " + (bpp.SecondSequenceOf87 is null ? "" : "A2, ") + "A3 in order");
        }
        catch (Asn1DecodeException e)
        {
            f.Fail(new(BppRule.Structure, $"the package does not decode as BoundProfilePackage: {e.Message}", "BF36 { BF23, A0, A1, [A2], A3 }", e.Message));
            return f.ToReport();
        }
        SessionKeys? keys = SecureChannelChecks.Check(bpp.InitialiseSecureChannelRequest, input, f);
        if (keys is not null)
        {
            Segments(bpp, keys, input, f);
        }
        return f.ToReport();
    }

    private static void Segments(BoundProfilePackage bpp, SessionKeys keys, BppVerificationInput input, BppFindings f)
    {
        using var session = new BspInstance(keys);
        // firstSequenceOf87 holds the one ConfigureISDP command.
        if (bpp.FirstSequenceOf87.Count != 1)
        {
            f.Fail(new(BppRule.ConfigureIsdp, $"firstSequenceOf87 holds {bpp.FirstSequenceOf87.Count} segments, expected one (ConfigureISDP)",
                "1 segment", $"{bpp.FirstSequenceOf87.Count} segments", "A0"));
        }
        SequenceResult a0 = SegmentWalker.Run(session, keys, "A0", BspTags.Encrypted87, encrypted: true, bpp.FirstSequenceOf87, f);
        SequenceResult a1 = a0.Plain is null ? Skipped("A1", f) : SegmentWalker.Run(session, keys, "A1", BspTags.MacOnly88, encrypted: false, bpp.SequenceOf88, f);
        SequenceResult? a2 = bpp.SecondSequenceOf87 is null || a1.Plain is null ? null
            : SegmentWalker.Run(session, keys, "A2", BspTags.Encrypted87, encrypted: true, bpp.SecondSequenceOf87, f);
        if (a0.Plain is { Length: > 0 } && bpp.FirstSequenceOf87.Count == 1)
        {
            BppContentChecks.ConfigureIsdp(a0.Plain, f);
        }
        StoreMetadataRequest? metadata = a1.Plain is null ? null : BppContentChecks.StoreMetadata(a1.Plain, input.ProfileMetadata, f);
        SessionKeys? ppk = null;
        if (bpp.SecondSequenceOf87 is not null)
        {
            ppk = a2?.Plain is null ? null : BppContentChecks.ReplaceSessionKeys(a2.Plain, bpp.SecondSequenceOf87.Count, f);
            if (ppk is null)
            {
                f.Skip("A3: not verified without the PPKs of ReplaceSessionKeys");
                return;
            }
        }
        if (a1.Plain is null)
        {
            f.Skip("A3: not verified after a refused segment");
            return;
        }
        SequenceResult a3;
        if (ppk is null)
        {
            a3 = SegmentWalker.Run(session, keys, "A3", BspTags.ProfileElements, encrypted: true, bpp.SequenceOf86, f);
        }
        else
        {
            using BspInstance profileBsp = session.ReplaceSessionKeys(ppk);
            a3 = SegmentWalker.Run(profileBsp, ppk, "A3", BspTags.ProfileElements, encrypted: true, bpp.SequenceOf86, f);
        }
        ProfileChecks.Check(a3, bpp.SequenceOf86, metadata, input, f);
    }

    private static SequenceResult Skipped(string sequence, BppFindings f)
    {
        f.Skip($"{sequence}: not verified after a refused segment (the MAC chain cannot be followed)");
        return new SequenceResult(null, 0, new SessionKeys(new byte[16], new byte[16], new byte[16]));
    }
}
