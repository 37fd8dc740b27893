using System.Formats.Asn1;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// CancelSessionRequestEs9 ::= [65] SEQUENCE { -- Tag 'BF41'
///   transactionId TransactionId, cancelSessionResponse CancelSessionResponse }
/// (ES9+.CancelSession, SGP.22 v2.5 §5.6.5, §6.6). No component is tagged, so automatic tags apply:
/// transactionId '80', cancelSessionResponse [1] implicitly replaces the [65] of CancelSessionResponse ('A1').
/// </summary>
public sealed record CancelSessionRequestEs9(byte[] TransactionId, CancelSessionResponse CancelSessionResponse)
    : IAsn1Message<CancelSessionRequestEs9>
{
    public const string TypeName = "CancelSessionRequestEs9";

    public static Asn1Tag Tag => Tags.CtxC(65);

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static CancelSessionRequestEs9 Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, TypeName, r => Read(r));

    internal static CancelSessionRequestEs9 Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tag, "cancelSessionRequestEs9", TypeName);
        byte[] transactionId = s.ReadTransactionId(Tags.Ctx(0));
        CancelSessionResponse response = CancelSessionResponse.Read(s, Tags.CtxC(1));
        return new CancelSessionRequestEs9(transactionId, response) { Extensions = s.ReadExtensions() };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Tag))
        {
            w.WriteOctetString(TransactionId, Tags.Ctx(0));
            CancelSessionResponse.Write(w, Tags.CtxC(1));
            w.WriteExtensions(Extensions);
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}

/// <summary>
/// CancelSessionResponseEs9 ::= [65] CHOICE { -- Tag 'BF41'
///   cancelSessionOk CancelSessionOk, cancelSessionError INTEGER }, CancelSessionOk ::= SEQUENCE { }
/// (SGP.22 v2.5 §5.6.5, §6.6). Automatic tags: ok 'A0' (empty), error '81'; [65] is explicit.
/// </summary>
public sealed record CancelSessionResponseEs9 : IAsn1Message<CancelSessionResponseEs9>
{
    public const string TypeName = "CancelSessionResponseEs9";

    public static Asn1Tag Tag => Tags.CtxC(65);

    /// <summary>cancelSessionOk: "This function has no output data"; its extensions, when any, are kept here.</summary>
    public IReadOnlyList<Asn1Element>? CancelSessionOk { get; init; }

    public CancelSessionEs9Error? CancelSessionError { get; init; }

    public static CancelSessionResponseEs9 Ok() => new() { CancelSessionOk = [] };

    public static CancelSessionResponseEs9 Error(CancelSessionEs9Error error) => new() { CancelSessionError = error };

    public static CancelSessionResponseEs9 Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, TypeName, r => Read(r));

    internal static CancelSessionResponseEs9 Read(DerReader r, Asn1Tag? tag = null) =>
        ChoiceIo.ReadOkOrError(r, tag ?? Tag, "cancelSessionResponseEs9", TypeName,
            "cancelSessionOk", s => new CancelSessionResponseEs9 { CancelSessionOk = s.ReadConstructed(Tags.CtxC(0), "cancelSessionOk", "CancelSessionOk").ReadExtensions() },
            "cancelSessionError", Tags.Ctx(1), s => Error((CancelSessionEs9Error)s.ReadInt32(Tags.Ctx(1), "cancelSessionError")));

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        AsnFields.RequireOneAlternative(TypeName, CancelSessionOk, CancelSessionError);
        using (w.PushSequence(tag ?? Tag))
        {
            if (CancelSessionOk is not null)
            {
                using (w.PushSequence(Tags.CtxC(0)))
                {
                    w.WriteExtensions(CancelSessionOk);
                }
            }
            if (CancelSessionError is { } error)
            {
                w.WriteInteger((int)error, Tags.Ctx(1));
            }
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}
