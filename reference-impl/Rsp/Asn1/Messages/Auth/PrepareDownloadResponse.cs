using System.Formats.Asn1;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// PrepareDownloadResponse ::= [33] CHOICE { -- Tag 'BF21'
///   downloadResponseOk PrepareDownloadResponseOk, downloadResponseError PrepareDownloadResponseError }
/// (SGP.22 v2.5 §5.7.5). The [33] tag is explicit around the alternative (A0 or A1).
/// </summary>
public sealed record PrepareDownloadResponse : IAsn1Message<PrepareDownloadResponse>
{
    public const string TypeName = "PrepareDownloadResponse";

    public static Asn1Tag Tag => Tags.CtxC(33);

    public PrepareDownloadResponseOk? DownloadResponseOk { get; init; }

    public PrepareDownloadResponseError? DownloadResponseError { get; init; }

    public static PrepareDownloadResponse Ok(PrepareDownloadResponseOk ok) => new() { DownloadResponseOk = ok };

    public static PrepareDownloadResponse Error(PrepareDownloadResponseError error) => new() { DownloadResponseError = error };

    public static PrepareDownloadResponse Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, TypeName, r => Read(r));

    internal static PrepareDownloadResponse Read(DerReader r, Asn1Tag? tag = null) =>
        ChoiceIo.ReadOkOrError(r, tag ?? Tag, "prepareDownloadResponse", TypeName,
            "downloadResponseOk", s => Ok(PrepareDownloadResponseOk.Read(s, Tags.CtxC(0))),
            "downloadResponseError", Tags.CtxC(1), s => Error(PrepareDownloadResponseError.Read(s, Tags.CtxC(1))));

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        AsnFields.RequireOneAlternative(TypeName, DownloadResponseOk, DownloadResponseError);
        using (w.PushSequence(tag ?? Tag))
        {
            DownloadResponseOk?.Write(w, Tags.CtxC(0));
            DownloadResponseError?.Write(w, Tags.CtxC(1));
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}

/// <summary>
/// PrepareDownloadResponseOk ::= SEQUENCE { euiccSigned2 EUICCSigned2, euiccSignature2 [APPLICATION 55] OCTET STRING }.
/// </summary>
public sealed record PrepareDownloadResponseOk(EUICCSigned2 EuiccSigned2, byte[] EuiccSignature2)
{
    public const string TypeName = "PrepareDownloadResponseOk";

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    internal static PrepareDownloadResponseOk Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tags.Sequence, "downloadResponseOk", TypeName);
        EUICCSigned2 signed = EUICCSigned2.Read(s);
        byte[] signature = s.ReadSignature("euiccSignature2");
        return new PrepareDownloadResponseOk(signed, signature) { Extensions = s.ReadExtensions() };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Tags.Sequence))
        {
            EuiccSigned2.Write(w);
            w.WriteOctetString(EuiccSignature2, Tags.App(55));
            w.WriteExtensions(Extensions);
        }
    }
}

/// <summary>
/// EUICCSigned2 ::= SEQUENCE { transactionId [0] TransactionId, euiccOtpk [APPLICATION 73] OCTET STRING -- '5F49',
/// hashCc Octet32 OPTIONAL } (SGP.22 v2.5 §5.7.5). Signed by the eUICC (euiccSignature2):
/// <see cref="SignedDerPart.Raw"/> keeps the received DER and <see cref="SignedDerPart.SignedData"/> is what
/// euiccSignature2 covers (with smdpSignature2).
/// </summary>
public sealed record EUICCSigned2(byte[] TransactionId, byte[] EuiccOtpk, byte[]? HashCc = null) : SignedDerPart
{
    public const string TypeName = "EUICCSigned2";

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static EUICCSigned2 Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, TypeName, r => Read(r));

    internal static EUICCSigned2 Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = Open(r, tag, "euiccSigned2", TypeName, out ReadOnlyMemory<byte> raw);
        byte[] transactionId = s.ReadTransactionId(Tags.Ctx(0));
        byte[] otpk = s.ReadOctetString(Tags.App(73), "euiccOtpk");
        byte[]? hashCc = s.ReadOptionalOctetString(Tags.OctetString, "hashCc", exactLength: 32);
        return new EUICCSigned2(transactionId, otpk, hashCc) { Extensions = s.ReadExtensions(), Raw = raw };
    }

    private protected override void WriteFields(AsnWriter w)
    {
        w.WriteOctetString(TransactionId, Tags.Ctx(0));
        w.WriteOctetString(EuiccOtpk, Tags.App(73));
        if (HashCc is not null)
        {
            w.WriteOctetString(HashCc);
        }
        w.WriteExtensions(Extensions);
    }
}

/// <summary>
/// PrepareDownloadResponseError ::= SEQUENCE { transactionId [0] TransactionId, downloadErrorCode DownloadErrorCode }
/// (codes in <see cref="DownloadErrorCode"/>).
/// </summary>
public sealed record PrepareDownloadResponseError(byte[] TransactionId, DownloadErrorCode DownloadErrorCode)
{
    public const string TypeName = "PrepareDownloadResponseError";

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    internal static PrepareDownloadResponseError Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tags.Sequence, "downloadResponseError", TypeName);
        byte[] transactionId = s.ReadTransactionId(Tags.Ctx(0));
        var code = (DownloadErrorCode)s.ReadInt32(Tags.Integer, "downloadErrorCode");
        return new PrepareDownloadResponseError(transactionId, code) { Extensions = s.ReadExtensions() };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Tags.Sequence))
        {
            w.WriteOctetString(TransactionId, Tags.Ctx(0));
            w.WriteInteger((int)DownloadErrorCode);
            w.WriteExtensions(Extensions);
        }
    }
}
