using System.Formats.Asn1;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// PrepareDownloadRequest ::= [33] SEQUENCE { -- Tag 'BF21'
///   smdpSigned2 SmdpSigned2, smdpSignature2 [APPLICATION 55] OCTET STRING,
///   hashCc Octet32 OPTIONAL, smdpCertificate Certificate -- CERT.DPpb.ECDSA }
/// (ES10b.PrepareDownload, SGP.22 v2.5 §5.7.5).
/// </summary>
public sealed record PrepareDownloadRequest(SmdpSigned2 SmdpSigned2, byte[] SmdpSignature2, byte[]? HashCc, byte[] SmdpCertificate)
    : IAsn1Message<PrepareDownloadRequest>
{
    public const string TypeName = "PrepareDownloadRequest";

    public static Asn1Tag Tag => Tags.CtxC(33);

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static PrepareDownloadRequest Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, TypeName, r => Read(r));

    internal static PrepareDownloadRequest Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tag, "prepareDownloadRequest", TypeName);
        SmdpSigned2 signed = SmdpSigned2.Read(s);
        byte[] signature = s.ReadSignature("smdpSignature2");
        byte[]? hashCc = s.ReadOptionalOctetString(Tags.OctetString, "hashCc", exactLength: 32);
        byte[] certificate = s.ReadCertificate("smdpCertificate");
        return new PrepareDownloadRequest(signed, signature, hashCc, certificate) { Extensions = s.ReadExtensions() };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Tag))
        {
            SmdpSigned2.Write(w);
            w.WriteOctetString(SmdpSignature2, Tags.App(55));
            if (HashCc is not null)
            {
                w.WriteOctetString(HashCc);
            }
            w.WriteCertificate(SmdpCertificate, "smdpCertificate");
            w.WriteExtensions(Extensions);
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}
