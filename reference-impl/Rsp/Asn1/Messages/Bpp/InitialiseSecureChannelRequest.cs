using System.Formats.Asn1;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// ES8+.InitialiseSecureChannel (SGP.22 v2.2.2 §5.5.1, §2.5.4): <c>InitialiseSecureChannelRequest ::= [35] SEQUENCE {
/// remoteOpId RemoteOpId, transactionId [0] TransactionId, controlRefTemplate [6] IMPLICIT ControlRefTemplate,
/// smdpOtpk [APPLICATION 73] OCTET STRING, smdpSign [APPLICATION 55] OCTET STRING }</c>, tag <c>BF23</c>;
/// RemoteOpId is <c>[2] INTEGER {installBoundProfilePackage(1)}</c> (<c>82</c>).
/// <para>
/// smdpSign covers the encoding of the four data objects before it, followed by otPK.EUICC.ECKA as a
/// <c>5F49</c> TLV. The decoder keeps those four TLVs exactly as received in <see cref="SignedDataObjects"/>
/// (re-emitted by <see cref="Write"/>); setting any of the four fields drops the kept bytes.
/// </para>
/// </summary>
public sealed record InitialiseSecureChannelRequest : IAsn1Message<InitialiseSecureChannelRequest>
{
    private const string Name = "InitialiseSecureChannelRequest";

    /// <summary>RemoteOpId installBoundProfilePackage(1).</summary>
    public const int InstallBoundProfilePackage = 1;

    private static readonly Asn1Tag RemoteOpIdTag = Tags.Ctx(2);
    private static readonly Asn1Tag SmdpOtpkTag = Tags.App(73);
    private static readonly Asn1Tag SignatureTag = Tags.App(55);

    private readonly int _remoteOpId;
    private readonly byte[] _transactionId = [];
    private readonly ControlRefTemplate _controlRefTemplate = new(0, 0, []);
    private readonly byte[] _smdpOtpk = [];

    public InitialiseSecureChannelRequest(int remoteOpId, byte[] transactionId, ControlRefTemplate controlRefTemplate, byte[] smdpOtpk, byte[] smdpSign)
    {
        RemoteOpId = remoteOpId;
        TransactionId = transactionId;
        ControlRefTemplate = controlRefTemplate;
        SmdpOtpk = smdpOtpk;
        SmdpSign = smdpSign;
    }

    /// <summary>[35], <c>BF23</c>.</summary>
    public static Asn1Tag Tag => Tags.CtxC(35);

    /// <summary>remoteOpId (<c>82</c>); "value SHALL be set to installBoundProfilePackage".</summary>
    public int RemoteOpId { get => _remoteOpId; init { _remoteOpId = value; SignedDataObjects = default; } }

    /// <summary>transactionId [0] (<c>80</c>), 1..16 bytes.</summary>
    public byte[] TransactionId { get => _transactionId; init { _transactionId = value; SignedDataObjects = default; } }

    /// <summary>controlRefTemplate [6] (<c>A6</c>).</summary>
    public ControlRefTemplate ControlRefTemplate { get => _controlRefTemplate; init { _controlRefTemplate = value; SignedDataObjects = default; } }

    /// <summary>smdpOtpk (<c>5F49</c>): otPK.DP.ECKA, uncompressed point.</summary>
    public byte[] SmdpOtpk { get => _smdpOtpk; init { _smdpOtpk = value; SignedDataObjects = default; } }

    /// <summary>smdpSign (<c>5F37</c>): 64-byte r||s.</summary>
    public byte[] SmdpSign { get; init; }

    /// <summary>
    /// The remoteOpId, transactionId, controlRefTemplate and smdpOtpk TLVs exactly as received (empty when built
    /// in code). Set it only to send bytes that differ from the fields on purpose.
    /// </summary>
    [DerRaw]
    public ReadOnlyMemory<byte> SignedDataObjects { get; init; }

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    /// <summary>
    /// The data smdpSign is computed over (SGP.22 v2.2.2 §5.5.1): the four data objects before smdpSign, as
    /// received or else as encoded, followed by <c>5F49</c> length otPK.EUICC.ECKA.
    /// </summary>
    /// <param name="euiccOtpk">otPK.EUICC.ECKA, the value of the <c>5F49</c> the eUICC sent in PrepareDownloadResponse.</param>
    public byte[] DataToBeSigned(ReadOnlySpan<byte> euiccOtpk)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        w.WriteOctetString(euiccOtpk, SmdpOtpkTag);
        byte[] otpk = w.Encode();
        return [.. SignedDataObjectsOrEncoded(), .. otpk];
    }

    /// <summary>The four signed data objects: as received when decoded, else freshly encoded.</summary>
    public byte[] SignedDataObjectsOrEncoded() =>
        !SignedDataObjects.IsEmpty ? SignedDataObjects.ToArray() : Der.Encode(WriteSignedFields);

    public static InitialiseSecureChannelRequest Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, Name, r => Read(r));

    internal static InitialiseSecureChannelRequest Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructedRaw(tag ?? Tag, Name, Name, out Asn1Element element);
        int contentStart = s.Offset;
        int remoteOpId = s.ReadInt32(RemoteOpIdTag, "remoteOpId");
        byte[] transactionId = s.ReadOctetString(Tags.Ctx(0), "transactionId", minLength: 1, maxLength: 16);
        ControlRefTemplate crt = ControlRefTemplate.Read(s, Tags.CtxC(6));
        byte[] smdpOtpk = s.ReadOctetString(SmdpOtpkTag, "smdpOtpk");
        int signedEnd = s.Offset;
        byte[] smdpSign = s.ReadOctetString(SignatureTag, "smdpSign");
        var ext = s.ReadExtensionsAfter(RemoteOpIdTag, Tags.Ctx(0), Tags.CtxC(6), SmdpOtpkTag, SignatureTag);
        int from = contentStart - MessageIo.ContentOffset(element);
        return new InitialiseSecureChannelRequest(remoteOpId, transactionId, crt, smdpOtpk, smdpSign)
        {
            SignedDataObjects = element.Content.Slice(from, signedEnd - contentStart),
            Extensions = ext,
        };
    }

    private void WriteSignedFields(AsnWriter w)
    {
        w.WriteInteger(RemoteOpId, RemoteOpIdTag);
        w.WriteOctetString(TransactionId, Tags.Ctx(0));
        ControlRefTemplate.Write(w, Tags.CtxC(6));
        w.WriteOctetString(SmdpOtpk, SmdpOtpkTag);
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Tag))
        {
            if (SignedDataObjects.IsEmpty)
            {
                WriteSignedFields(w);
            }
            else
            {
                var kept = new DerReader(SignedDataObjects, Name);
                while (kept.HasData)
                {
                    w.WriteEncodedValue(kept.ReadAny("signed data object").Encoded.Span);
                }
            }
            w.WriteOctetString(SmdpSign, SignatureTag);
            w.WriteExtensions(Extensions);
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}
