using System.Formats.Asn1;

namespace Conformance.Cli.Fuzzing;

/// <summary>
/// Corruptions of an X.509 certificate (RFC 5280 §4.1), field by field: each element of the TBSCertificate (version,
/// serialNumber, signature, issuer, validity, subject, subjectPublicKeyInfo, each extension), the outer
/// signatureAlgorithm and signatureValue. A field is bit-flipped inside its contents, replaced by a NULL, dropped, or its
/// length made to lie; the rest stays byte for byte, so each probe tests one field.
/// </summary>
public static class CertificateMutations
{
    /// <summary>The certificate with its outer signatureAlgorithm changed to ecdsa-with-SHA384 (the TBS one is SHA-256).</summary>
    public static byte[] OuterAlgorithmChanged(byte[] der)
    {
        List<byte[]> outer = Elements(Contents(der));
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            w.WriteObjectIdentifier("1.2.840.10045.4.3.3");
        }
        outer[1] = w.Encode();
        return Sequence(outer);
    }

    /// <summary>One field of the certificate corrupted; says which and how.</summary>
    public static (byte[] Der, string What) CorruptField(byte[] der, Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        List<byte[]> outer = Elements(Contents(der));
        List<byte[]> tbs = Elements(Contents(outer[0]));
        // Targets: the TBS elements, each extension, the outer signatureAlgorithm and signatureValue.
        var targets = new List<(string Name, Func<Func<byte[], byte[]>, byte[]> Apply)>();
        string[] names = ["version", "serialNumber", "signature", "issuer", "validity", "subject", "subjectPublicKeyInfo"];
        for (int i = 0; i < tbs.Count; i++)
        {
            int at = i;
            bool extensions = tbs[i][0] == 0xA3;
            if (!extensions)
            {
                string name = i < names.Length ? names[i] : $"TBS element {i}";
                targets.Add((name, m => Sequence(outer, 0, Sequence(tbs, at, m(tbs[at])))));
                continue;
            }
            List<byte[]> list = Elements(Contents(Contents(tbs[i])));
            for (int e = 0; e < list.Count; e++)
            {
                int ext = e;
                targets.Add(($"extension {Oid(list[e])}", m =>
                    Sequence(outer, 0, Sequence(tbs, at, Tagged(0xA3, Sequence(list, ext, m(list[ext])))))));
            }
        }
        targets.Add(("outer signatureAlgorithm", m => Sequence(outer, 1, m(outer[1]))));
        targets.Add(("signatureValue", m => Sequence(outer, 2, m(outer[2]))));

        (string field, Func<Func<byte[], byte[]>, byte[]> apply) = targets[rng.Next(targets.Count)];
        int kind = rng.Next(4);
        Func<byte[], byte[]> how = kind switch
        {
            0 => b => Flip(b, rng),
            1 => _ => [0x05, 0x00],
            2 => _ => [],
            _ => b => LyingLength(b, rng),
        };
        string said = kind switch
        {
            0 => "a bit flipped in its contents",
            1 => "replaced by NULL",
            2 => "dropped",
            _ => "its length made to lie",
        };
        return (apply(how), $"{field}: {said}");
    }

    private static byte[] Flip(byte[] element, Random rng)
    {
        byte[] b = [.. element];
        int header = HeaderLength(b);
        int i = b.Length > header ? header + rng.Next(b.Length - header) : rng.Next(b.Length);
        b[i] ^= (byte)(1 << rng.Next(8));
        return b;
    }

    private static byte[] LyingLength(byte[] element, Random rng)
    {
        byte[] b = [.. element];
        if (b.Length > 1)
        {
            b[1] = rng.Next(3) switch
            {
                0 => 0x80,
                1 => 0x84,
                _ => (byte)(b[1] ^ 0x01),
            };
        }
        return b;
    }

    private static string Oid(byte[] extension)
    {
        try
        {
            var r = new AsnReader(extension, AsnEncodingRules.DER).ReadSequence();
            return r.ReadObjectIdentifier();
        }
        catch (AsnContentException)
        {
            return "?";
        }
    }

    private static int HeaderLength(byte[] element) =>
        element.Length < 2 ? element.Length : element[1] < 0x80 ? 2 : 2 + (element[1] & 0x7F);

    private static ReadOnlySpan<byte> Contents(ReadOnlySpan<byte> element)
    {
        AsnDecoder.ReadEncodedValue(element, AsnEncodingRules.BER, out int offset, out int length, out _);
        return element.Slice(offset, length);
    }

    private static List<byte[]> Elements(ReadOnlySpan<byte> contents)
    {
        var list = new List<byte[]>();
        while (!contents.IsEmpty)
        {
            AsnDecoder.ReadEncodedValue(contents, AsnEncodingRules.BER, out _, out _, out int consumed);
            list.Add(contents[..consumed].ToArray());
            contents = contents[consumed..];
        }
        return list;
    }

    private static byte[] Sequence(List<byte[]> elements, int replace = -1, byte[]? with = null) =>
        Tagged(0x30, [.. elements.Select((e, i) => i == replace ? with! : e).SelectMany(e => e)]);

    private static byte[] Tagged(byte tag, byte[] contents)
    {
        byte[] length = contents.Length < 0x80 ? [(byte)contents.Length]
            : contents.Length < 0x100 ? [0x81, (byte)contents.Length]
            : [0x82, (byte)(contents.Length >> 8), (byte)contents.Length];
        return [tag, .. length, .. contents];
    }
}
