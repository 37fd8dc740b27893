using System.Formats.Asn1;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// GetBoundProfilePackageRequest ::= [58] SEQUENCE { -- Tag 'BF3A'
///   transactionId [0] TransactionId, prepareDownloadResponse [33] PrepareDownloadResponse }
/// (ES9+.GetBoundProfilePackage, SGP.22 v2.5 §5.6.2, §6.6).
/// </summary>
public sealed record GetBoundProfilePackageRequest(byte[] TransactionId, PrepareDownloadResponse PrepareDownloadResponse)
    : IAsn1Message<GetBoundProfilePackageRequest>
{
    public const string TypeName = "GetBoundProfilePackageRequest";

    public static Asn1Tag Tag => Tags.CtxC(58);

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static GetBoundProfilePackageRequest Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, TypeName, r => Read(r));

    internal static GetBoundProfilePackageRequest Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tag, "getBoundProfilePackageRequest", TypeName);
        byte[] transactionId = s.ReadTransactionId(Tags.Ctx(0));
        PrepareDownloadResponse response = PrepareDownloadResponse.Read(s, Tags.CtxC(33));
        return new GetBoundProfilePackageRequest(transactionId, response) { Extensions = s.ReadExtensions() };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Tag))
        {
            w.WriteOctetString(TransactionId, Tags.Ctx(0));
            PrepareDownloadResponse.Write(w, Tags.CtxC(33));
            w.WriteExtensions(Extensions);
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}

/// <summary>
/// GetBoundProfilePackageResponse ::= [58] CHOICE { -- Tag 'BF3A'
///   getBoundProfilePackageOk GetBoundProfilePackageOk, getBoundProfilePackageError INTEGER }
/// (SGP.22 v2.5 §5.6.2, §6.6). Automatic tags: ok 'A0', error '81'; [58] is explicit.
/// </summary>
public sealed record GetBoundProfilePackageResponse : IAsn1Message<GetBoundProfilePackageResponse>
{
    public const string TypeName = "GetBoundProfilePackageResponse";

    public static Asn1Tag Tag => Tags.CtxC(58);

    public GetBoundProfilePackageOk? GetBoundProfilePackageOk { get; init; }

    public GetBoundProfilePackageError? GetBoundProfilePackageError { get; init; }

    public static GetBoundProfilePackageResponse Ok(GetBoundProfilePackageOk ok) => new() { GetBoundProfilePackageOk = ok };

    public static GetBoundProfilePackageResponse Error(GetBoundProfilePackageError error) => new() { GetBoundProfilePackageError = error };

    public static GetBoundProfilePackageResponse Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, TypeName, r => Read(r));

    internal static GetBoundProfilePackageResponse Read(DerReader r, Asn1Tag? tag = null) =>
        ChoiceIo.ReadOkOrError(r, tag ?? Tag, "getBoundProfilePackageResponse", TypeName,
            "getBoundProfilePackageOk", s => Ok(GetBoundProfilePackageOk.Read(s, Tags.CtxC(0))),
            "getBoundProfilePackageError", Tags.Ctx(1), s => Error((GetBoundProfilePackageError)s.ReadInt32(Tags.Ctx(1), "getBoundProfilePackageError")));

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        AsnFields.RequireOneAlternative(TypeName, GetBoundProfilePackageOk, GetBoundProfilePackageError);
        using (w.PushSequence(tag ?? Tag))
        {
            GetBoundProfilePackageOk?.Write(w, Tags.CtxC(0));
            if (GetBoundProfilePackageError is { } error)
            {
                w.WriteInteger((int)error, Tags.Ctx(1));
            }
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}

/// <summary>
/// GetBoundProfilePackageOk ::= SEQUENCE { transactionId [0] TransactionId, boundProfilePackage [54] BoundProfilePackage }
/// (SGP.22 v2.5 §6.6). boundProfilePackage is kept as its raw DER element (tag 'BF36').
/// </summary>
public sealed record GetBoundProfilePackageOk(byte[] TransactionId, Asn1Element BoundProfilePackage)
{
    public const string TypeName = "GetBoundProfilePackageOk";

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    internal static GetBoundProfilePackageOk Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tags.Sequence, "getBoundProfilePackageOk", TypeName);
        byte[] transactionId = s.ReadTransactionId(Tags.Ctx(0));
        Asn1Element bpp = s.ReadElement(Tags.CtxC(54), "boundProfilePackage");
        return new GetBoundProfilePackageOk(transactionId, bpp) { Extensions = s.ReadExtensions() };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Tags.Sequence))
        {
            w.WriteOctetString(TransactionId, Tags.Ctx(0));
            RawDer.Write(w, BoundProfilePackage, "boundProfilePackage", Tags.CtxC(54));
            w.WriteExtensions(Extensions);
        }
    }
}
