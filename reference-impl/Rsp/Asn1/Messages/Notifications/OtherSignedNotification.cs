using System.Formats.Asn1;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// <c>OtherSignedNotification ::= SEQUENCE { tbsOtherNotification NotificationMetadata, euiccNotificationSignature
/// [APPLICATION 55] OCTET STRING, euiccCertificate Certificate, eumCertificate Certificate }</c> (SGP.22 v2.2.2
/// §5.7.10, §2.6.8). The signature covers the whole <c>BF2F</c> TLV of tbsOtherNotification, kept as received in
/// <see cref="TbsOtherNotificationRaw"/> and re-emitted by <see cref="Write"/>; setting
/// <see cref="TbsOtherNotification"/> drops it. Certificates are kept as their X.509 DER (tag <c>30</c>).
/// </summary>
public sealed record OtherSignedNotification
{
    private const string Name = "OtherSignedNotification";

    private static readonly Asn1Tag SignatureTag = Tags.App(55);

    private readonly NotificationMetadata _tbs = null!;

    public OtherSignedNotification(NotificationMetadata tbsOtherNotification, byte[] euiccNotificationSignature, ReadOnlyMemory<byte> euiccCertificate, ReadOnlyMemory<byte> eumCertificate)
    {
        TbsOtherNotification = tbsOtherNotification;
        EuiccNotificationSignature = euiccNotificationSignature;
        EuiccCertificate = euiccCertificate;
        EumCertificate = eumCertificate;
    }

    public NotificationMetadata TbsOtherNotification
    {
        get => _tbs;
        init { _tbs = value; TbsOtherNotificationRaw = default; }
    }

    /// <summary>euiccNotificationSignature (<c>5F37</c>), r||s over tbsOtherNotification.</summary>
    public byte[] EuiccNotificationSignature { get; init; }

    /// <summary>CERT.EUICC.ECDSA, X.509 DER.</summary>
    public ReadOnlyMemory<byte> EuiccCertificate { get; init; }

    /// <summary>CERT.EUM.ECDSA, X.509 DER.</summary>
    public ReadOnlyMemory<byte> EumCertificate { get; init; }

    /// <summary>The <c>BF2F</c> TLV of tbsOtherNotification as received (empty when built in code).</summary>
    [DerRaw]
    public ReadOnlyMemory<byte> TbsOtherNotificationRaw { get; init; }

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    /// <summary>The data euiccNotificationSignature is computed over: tbsOtherNotification as received, else as encoded.</summary>
    public byte[] DataToBeSigned() => TbsOtherNotificationRaw.IsEmpty ? TbsOtherNotification.Encode() : TbsOtherNotificationRaw.ToArray();

    public static OtherSignedNotification Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, Name, r => Read(r));

    internal static OtherSignedNotification Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Asn1Tag.Sequence, Name, Name);
        Asn1Element tbs = s.ReadElement(NotificationMetadata.Tag, "tbsOtherNotification");
        NotificationMetadata meta = NotificationMetadata.Read(new DerReader(tbs.Encoded, Name, tbs.Offset));
        byte[] sig = s.ReadOctetString(SignatureTag, "euiccNotificationSignature");
        ReadOnlyMemory<byte> euiccCert = s.ReadElement(Asn1Tag.Sequence, "euiccCertificate").Encoded;
        ReadOnlyMemory<byte> eumCert = s.ReadElement(Asn1Tag.Sequence, "eumCertificate").Encoded;
        var ext = s.ReadExtensionsAfter(NotificationMetadata.Tag, SignatureTag, Asn1Tag.Sequence);
        return new OtherSignedNotification(meta, sig, euiccCert, eumCert) { TbsOtherNotificationRaw = tbs.Encoded, Extensions = ext };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Asn1Tag.Sequence))
        {
            if (TbsOtherNotificationRaw.IsEmpty)
            {
                TbsOtherNotification.Write(w);
            }
            else
            {
                w.WriteEncodedValue(TbsOtherNotificationRaw.Span);
            }
            w.WriteOctetString(EuiccNotificationSignature, SignatureTag);
            w.WriteRaw(EuiccCertificate, "euiccCertificate");
            w.WriteRaw(EumCertificate, "eumCertificate");
            w.WriteExtensions(Extensions);
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}
