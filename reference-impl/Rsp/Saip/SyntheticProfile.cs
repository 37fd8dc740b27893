using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Text;
using Conformance.Rsp.Asn1;

namespace Conformance.Rsp.Saip;

/// <summary>
/// Builds synthetic SAIP profile packages for tests: a header, an MF with EF.ICCID, PUK and PIN codes,
/// Milenage AKA parameters, optional non-standard filler up to a target size, and the end element.
/// They are structurally valid SAIP (element order, PEHeaders, identifications) with made-up values;
/// they are not GSMA TS.48 profiles and no network would accept their keys.
/// </summary>
public static class SyntheticProfile
{
    /// <summary>Template OIDs of SAIP: MF (2.23.143.1.2.1) and USIM (2.23.143.1.2.4).</summary>
    public const string MfTemplate = "2.23.143.1.2.1";
    public const string UsimTemplate = "2.23.143.1.2.4";

    /// <summary>An OID under the ITU-T/ISO "example" arc (2.999) naming this harness as issuer of filler data.</summary>
    public const string FillerIssuer = "2.999.1";

    /// <summary>ServicesList numbers (SAIP): usim [1], milenage [4], javacard [11].</summary>
    private static readonly int[] Services = [1, 4, 11];

    /// <summary>Builds a package for <paramref name="iccid"/> of at least <paramref name="minimumSize"/> bytes.</summary>
    public static byte[] Build(string iccid, string profileType = "Conformance synthetic profile", int minimumSize = 0, int seed = 1)
    {
        byte[] keys = SHA256.HashData(Encoding.ASCII.GetBytes($"synthetic-profile/{iccid}/{seed}"));
        var header = new ProfileHeader(2, 3, profileType, iccid, null, Services, [MfTemplate, UsimTemplate], []);
        var w = new AsnWriter(AsnEncodingRules.DER);
        header.Write(w);
        int id = 1;
        Element(w, 16, id++, e =>
        {
            e.WriteObjectIdentifier(MfTemplate, Tags.Ctx(1));
            using (e.PushSequence(Tags.CtxC(2)))
            using (e.PushSequence(Tags.CtxC(1)))
            {
                e.WriteOctetString([0x01, 0x02, 0x0A], Tags.Priv(6));
            }
            using (e.PushSequence(Tags.CtxC(4)))
            {
                e.WriteOctetString(SwappedIccid(iccid), Tags.Ctx(3));
            }
        });
        Element(w, ProfileElementTypes.PukCodes, id++, e =>
        {
            using (e.PushSequence(Tags.CtxC(1)))
            using (e.PushSequence())
            {
                e.WriteInteger(1, Tags.Ctx(0));
                e.WriteOctetString(Encoding.ASCII.GetBytes("12345678"), Tags.Ctx(1));
                e.WriteOctetString([0x00, 0x99], Tags.Ctx(2));
            }
        });
        Element(w, ProfileElementTypes.PinCodes, id++, e =>
        {
            using (e.PushSequence(Tags.CtxC(1)))
            using (e.PushSequence(Tags.CtxC(0)))
            using (e.PushSequence())
            {
                e.WriteInteger(1, Tags.Ctx(0));
                e.WriteOctetString([0x31, 0x32, 0x33, 0x34, 0xFF, 0xFF, 0xFF, 0xFF], Tags.Ctx(1));
                e.WriteOctetString([0x01], Tags.Ctx(2));
            }
        });
        Element(w, ProfileElementTypes.AkaParameter, id++, e =>
        {
            using (e.PushSequence(Tags.CtxC(1)))
            using (e.PushSequence(Tags.CtxC(1)))
            {
                e.WriteInteger(1, Tags.Ctx(0));
                e.WriteOctetString([0x01], Tags.Ctx(1));
                e.WriteOctetString(keys.AsSpan(0, 16), Tags.Ctx(2));
                e.WriteOctetString(keys.AsSpan(16, 16), Tags.Ctx(3));
            }
        });
        const int endSize = 9;
        int missing = minimumSize - w.GetEncodedLength() - endSize;
        if (missing > 0)
        {
            // Size the filler so that the whole package reaches the minimum: the TLV overhead depends on
            // the content length, so measure and adjust (converges in two or three rounds).
            var rng = new Random(seed);
            int content = Math.Max(1, missing - 20);
            byte[] element;
            while (true)
            {
                byte[] filler = new byte[content];
                rng.NextBytes(filler);
                var f = new AsnWriter(AsnEncodingRules.DER);
                Element(f, ProfileElementTypes.NonStandard, id, e =>
                {
                    e.WriteObjectIdentifier(FillerIssuer, Tags.Ctx(1));
                    e.WriteOctetString(filler, Tags.Ctx(2));
                });
                element = f.Encode();
                if (element.Length >= missing || content > minimumSize)
                {
                    break;
                }
                content += missing - element.Length;
            }
            w.WriteEncodedValue(element);
            id++;
        }
        Element(w, ProfileElementTypes.End, id, _ => { });
        return w.Encode();
    }

    private static void Element(AsnWriter w, int number, int identification, Action<AsnWriter> body)
    {
        using (w.PushSequence(Tags.CtxC(number)))
        {
            using (w.PushSequence(Tags.CtxC(0)))
            {
                w.WriteNull(Tags.Ctx(0));
                w.WriteInteger(identification, Tags.Ctx(1));
            }
            body(w);
        }
    }

    /// <summary>EF.ICCID content: BCD with the nibbles of each byte swapped (ETSI TS 102 221 §13.2).</summary>
    public static byte[] SwappedIccid(string iccid)
    {
        byte[] plain = ProfileHeader.BcdBytes(iccid);
        for (int i = 0; i < plain.Length; i++)
        {
            plain[i] = (byte)((plain[i] << 4) | (plain[i] >> 4));
        }
        return plain;
    }
}
