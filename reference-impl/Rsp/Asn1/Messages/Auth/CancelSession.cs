using System.Formats.Asn1;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// CancelSessionRequest ::= [65] SEQUENCE { -- Tag 'BF41'
///   transactionId TransactionId, reason CancelSessionReason }
/// (ES10b.CancelSession, SGP.22 v2.5 §5.7.14). No component is tagged, so automatic tags apply:
/// transactionId [0] ('80'), reason [1] ('81').
/// </summary>
public sealed record CancelSessionRequest(byte[] TransactionId, CancelSessionReason Reason) : IAsn1Message<CancelSessionRequest>
{
    public const string TypeName = "CancelSessionRequest";

    public static Asn1Tag Tag => Tags.CtxC(65);

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static CancelSessionRequest Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, TypeName, r => Read(r));

    internal static CancelSessionRequest Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tag, "cancelSessionRequest", TypeName);
        byte[] transactionId = s.ReadTransactionId(Tags.Ctx(0));
        var reason = (CancelSessionReason)s.ReadInt32(Tags.Ctx(1), "reason");
        return new CancelSessionRequest(transactionId, reason) { Extensions = s.ReadExtensions() };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Tag))
        {
            w.WriteOctetString(TransactionId, Tags.Ctx(0));
            w.WriteInteger((int)Reason, Tags.Ctx(1));
            w.WriteExtensions(Extensions);
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}

/// <summary>
/// CancelSessionResponse ::= [65] CHOICE { -- Tag 'BF41'
///   cancelSessionResponseOk CancelSessionResponseOk,
///   cancelSessionResponseError INTEGER {invalidTransactionId(5), undefinedError(127)} }
/// (SGP.22 v2.5 §5.7.14). Automatic tags: ok is [0] ('A0'), error is [1] ('81'); [65] is explicit.
/// Forwarded by the LPA inside ES9+.CancelSession (§5.6.5).
/// </summary>
public sealed record CancelSessionResponse : IAsn1Message<CancelSessionResponse>
{
    public const string TypeName = "CancelSessionResponse";

    public static Asn1Tag Tag => Tags.CtxC(65);

    public CancelSessionResponseOk? CancelSessionResponseOk { get; init; }

    public CancelSessionError? CancelSessionResponseError { get; init; }

    public static CancelSessionResponse Ok(CancelSessionResponseOk ok) => new() { CancelSessionResponseOk = ok };

    public static CancelSessionResponse Error(CancelSessionError error) => new() { CancelSessionResponseError = error };

    public static CancelSessionResponse Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, TypeName, r => Read(r));

    internal static CancelSessionResponse Read(DerReader r, Asn1Tag? tag = null) =>
        ChoiceIo.ReadOkOrError(r, tag ?? Tag, "cancelSessionResponse", TypeName,
            "cancelSessionResponseOk", s => Ok(CancelSessionResponseOk.Read(s, Tags.CtxC(0))),
            "cancelSessionResponseError", Tags.Ctx(1), s => Error((CancelSessionError)s.ReadInt32(Tags.Ctx(1), "cancelSessionResponseError")));

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        AsnFields.RequireOneAlternative(TypeName, CancelSessionResponseOk, CancelSessionResponseError);
        using (w.PushSequence(tag ?? Tag))
        {
            CancelSessionResponseOk?.Write(w, Tags.CtxC(0));
            if (CancelSessionResponseError is { } error)
            {
                w.WriteInteger((int)error, Tags.Ctx(1));
            }
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}

/// <summary>
/// CancelSessionResponseOk ::= SEQUENCE { euiccCancelSessionSigned EuiccCancelSessionSigned,
/// euiccCancelSessionSignature [APPLICATION 55] OCTET STRING } (SGP.22 v2.5 §5.7.14).
/// </summary>
public sealed record CancelSessionResponseOk(EuiccCancelSessionSigned EuiccCancelSessionSigned, byte[] EuiccCancelSessionSignature)
{
    public const string TypeName = "CancelSessionResponseOk";

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    internal static CancelSessionResponseOk Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tags.Sequence, "cancelSessionResponseOk", TypeName);
        EuiccCancelSessionSigned signed = EuiccCancelSessionSigned.Read(s);
        byte[] signature = s.ReadSignature("euiccCancelSessionSignature");
        return new CancelSessionResponseOk(signed, signature) { Extensions = s.ReadExtensions() };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Tags.Sequence))
        {
            EuiccCancelSessionSigned.Write(w);
            w.WriteOctetString(EuiccCancelSessionSignature, Tags.App(55));
            w.WriteExtensions(Extensions);
        }
    }
}

/// <summary>
/// EuiccCancelSessionSigned ::= SEQUENCE { transactionId TransactionId, smdpOid OBJECT IDENTIFIER,
/// reason CancelSessionReason } (SGP.22 v2.5 §5.7.14). Automatic tags: '80', '81', '82'.
/// Signed by the eUICC (euiccCancelSessionSignature): <see cref="SignedDerPart.Raw"/> keeps the received DER and
/// <see cref="SignedDerPart.SignedData"/> is what euiccCancelSessionSignature covers.
/// </summary>
public sealed record EuiccCancelSessionSigned(byte[] TransactionId, string SmdpOid, CancelSessionReason Reason) : SignedDerPart
{
    public const string TypeName = "EuiccCancelSessionSigned";

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static EuiccCancelSessionSigned Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, TypeName, r => Read(r));

    internal static EuiccCancelSessionSigned Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = Open(r, tag, "euiccCancelSessionSigned", TypeName, out ReadOnlyMemory<byte> raw);
        byte[] transactionId = s.ReadTransactionId(Tags.Ctx(0));
        string oid = s.ReadObjectIdentifier(Tags.Ctx(1), "smdpOid");
        var reason = (CancelSessionReason)s.ReadInt32(Tags.Ctx(2), "reason");
        return new EuiccCancelSessionSigned(transactionId, oid, reason) { Extensions = s.ReadExtensions(), Raw = raw };
    }

    private protected override void WriteFields(AsnWriter w)
    {
        w.WriteOctetString(TransactionId, Tags.Ctx(0));
        w.WriteObjectIdentifier(SmdpOid, Tags.Ctx(1));
        w.WriteInteger((int)Reason, Tags.Ctx(2));
        w.WriteExtensions(Extensions);
    }
}
