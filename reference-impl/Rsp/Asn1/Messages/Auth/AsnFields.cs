using System.Formats.Asn1;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// Readers and writers for the small field types that recur in the SGP.22 RSPDefinitions module
/// (TransactionId, Octet16, SubjectKeyIdentifier lists, Certificate, signatures).
/// </summary>
internal static class AsnFields
{
    /// <summary>Opens a constructed element read with <see cref="DerReader.ReadElement"/>, keeping absolute offsets.</summary>
    public static DerReader Open(this Asn1Element e, string typeName) =>
        new(e.Content, typeName, e.Offset + (e.Encoded.Length - e.Content.Length));

    /// <summary>TransactionId ::= OCTET STRING (SIZE(1..16)).</summary>
    public static byte[] ReadTransactionId(this DerReader r, Asn1Tag tag) =>
        r.ReadOctetString(tag, "transactionId", minLength: 1, maxLength: 16);

    /// <summary>Octet16 (challenges, EID).</summary>
    public static byte[] ReadOctet16(this DerReader r, Asn1Tag tag, string field) =>
        r.ReadOctetString(tag, field, exactLength: 16);

    /// <summary>A signature: <c>[APPLICATION 55] OCTET STRING</c>, tag 5F37.</summary>
    public static byte[] ReadSignature(this DerReader r, string field) =>
        r.ReadOctetString(Tags.App(55), field);

    /// <summary>
    /// Certificate (X.509, RFC 5280): kept as the raw DER of the whole SEQUENCE (tag 30), not parsed here.
    /// </summary>
    public static byte[] ReadCertificate(this DerReader r, string field) =>
        r.ReadElement(Tags.Sequence, field).Encoded.ToArray();

    public static void WriteCertificate(this AsnWriter w, byte[] certificate, string field)
    {
        if (certificate.Length == 0 || certificate[0] != 0x30)
        {
            throw new InvalidOperationException($"{field} must be the DER of an X.509 Certificate (tag 30)");
        }
        w.WriteEncodedValue(certificate);
    }

    /// <summary><c>SEQUENCE OF SubjectKeyIdentifier</c> (each an OCTET STRING) under an implicit tag.</summary>
    public static IReadOnlyList<byte[]> ReadKeyIdList(this DerReader r, Asn1Tag tag, string field)
    {
        DerReader list = r.ReadConstructed(tag, field);
        var ids = new List<byte[]>();
        while (list.HasData)
        {
            ids.Add(list.ReadOctetString(Tags.OctetString, field + " item"));
        }
        return ids;
    }

    public static void WriteKeyIdList(this AsnWriter w, IReadOnlyList<byte[]> ids, Asn1Tag tag)
    {
        using (w.PushSequence(tag))
        {
            foreach (byte[] id in ids)
            {
                w.WriteOctetString(id);
            }
        }
    }

    /// <summary>Fails when a CHOICE record carries no alternative or more than one.</summary>
    public static void RequireOneAlternative(string typeName, params object?[] alternatives)
    {
        int set = alternatives.Count(a => a is not null);
        if (set != 1)
        {
            throw new InvalidOperationException($"{typeName} is a CHOICE: exactly one alternative must be set, found {set}");
        }
    }
}
