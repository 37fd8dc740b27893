using System.Formats.Asn1;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// AuthenticateClientRequest ::= [59] SEQUENCE { -- Tag 'BF3B'
///   transactionId [0] TransactionId, authenticateServerResponse [56] AuthenticateServerResponse,
///   useMatchingIdForAcr NULL OPTIONAL -- v2.5 }
/// (ES9+.AuthenticateClient, SGP.22 v2.5 §5.6.3, §6.6).
/// </summary>
public sealed record AuthenticateClientRequest(byte[] TransactionId, AuthenticateServerResponse AuthenticateServerResponse)
    : IAsn1Message<AuthenticateClientRequest>
{
    public const string TypeName = "AuthenticateClientRequest";

    public static Asn1Tag Tag => Tags.CtxC(59);

    /// <summary>useMatchingIdForAcr NULL OPTIONAL (v2.5): present when true.</summary>
    public bool UseMatchingIdForAcr { get; init; }

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static AuthenticateClientRequest Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, TypeName, r => Read(r));

    internal static AuthenticateClientRequest Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tag, "authenticateClientRequest", TypeName);
        byte[] transactionId = s.ReadTransactionId(Tags.Ctx(0));
        AuthenticateServerResponse response = AuthenticateServerResponse.Read(s, Tags.CtxC(56));
        bool acr = false;
        if (s.IsNext(Tags.Null))
        {
            s.ReadNull(Tags.Null, "useMatchingIdForAcr");
            acr = true;
        }
        return new AuthenticateClientRequest(transactionId, response) { UseMatchingIdForAcr = acr, Extensions = s.ReadExtensions() };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Tag))
        {
            w.WriteOctetString(TransactionId, Tags.Ctx(0));
            AuthenticateServerResponse.Write(w, Tags.CtxC(56));
            if (UseMatchingIdForAcr)
            {
                w.WriteNull();
            }
            w.WriteExtensions(Extensions);
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}

/// <summary>
/// AuthenticateClientResponseEs9 ::= [59] CHOICE { -- Tag 'BF3B'
///   authenticateClientOk [0] AuthenticateClientOk, authenticateClientError [1] INTEGER,
///   authenticateClientOkAcr [5] AuthenticateClientOkAcr -- v2.5 }
/// (SGP.22 v2.5 §5.6.3, §6.6). [59] is explicit around the alternative ('A0', '81' or 'A5').
/// </summary>
public sealed record AuthenticateClientResponseEs9 : IAsn1Message<AuthenticateClientResponseEs9>
{
    public const string TypeName = "AuthenticateClientResponseEs9";

    public static Asn1Tag Tag => Tags.CtxC(59);

    public AuthenticateClientOk? AuthenticateClientOk { get; init; }

    public AuthenticateClientError? AuthenticateClientError { get; init; }

    public AuthenticateClientOkAcr? AuthenticateClientOkAcr { get; init; }

    public static AuthenticateClientResponseEs9 Ok(AuthenticateClientOk ok) => new() { AuthenticateClientOk = ok };

    public static AuthenticateClientResponseEs9 Error(AuthenticateClientError error) => new() { AuthenticateClientError = error };

    public static AuthenticateClientResponseEs9 Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, TypeName, r => Read(r));

    internal static AuthenticateClientResponseEs9 Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tag, "authenticateClientResponseEs9", TypeName);
        Asn1Tag t = s.PeekTag("authenticateClientOk or authenticateClientError");
        AuthenticateClientResponseEs9 result;
        if (t == Tags.CtxC(0))
        {
            result = Ok(AuthenticateClientOk.Read(s, Tags.CtxC(0)));
        }
        else if (t == Tags.Ctx(1))
        {
            result = Error((AuthenticateClientError)s.ReadInt32(Tags.Ctx(1), "authenticateClientError"));
        }
        else if (t == Tags.CtxC(5))
        {
            result = new AuthenticateClientResponseEs9 { AuthenticateClientOkAcr = AuthenticateClientOkAcr.Read(s, Tags.CtxC(5)) };
        }
        else
        {
            throw s.Error($"unknown alternative {Tags.Hex(t)}, expected A0 (authenticateClientOk), 81 (authenticateClientError) or A5 (authenticateClientOkAcr)");
        }
        s.End();
        return result;
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        AsnFields.RequireOneAlternative(TypeName, AuthenticateClientOk, AuthenticateClientError, AuthenticateClientOkAcr);
        using (w.PushSequence(tag ?? Tag))
        {
            AuthenticateClientOk?.Write(w, Tags.CtxC(0));
            if (AuthenticateClientError is { } error)
            {
                w.WriteInteger((int)error, Tags.Ctx(1));
            }
            AuthenticateClientOkAcr?.Write(w, Tags.CtxC(5));
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}

/// <summary>
/// AuthenticateClientOk ::= SEQUENCE { transactionId [0] TransactionId, profileMetaData [37] StoreMetadataRequest,
///   smdpSigned2 SmdpSigned2, smdpSignature2 [APPLICATION 55] OCTET STRING, smdpCertificate Certificate }
/// (SGP.22 v2.5 §6.6). profileMetaData is kept as its raw DER element (tag 'BF25').
/// </summary>
public sealed record AuthenticateClientOk(
    byte[] TransactionId,
    Asn1Element ProfileMetaData,
    SmdpSigned2 SmdpSigned2,
    byte[] SmdpSignature2,
    byte[] SmdpCertificate)
{
    public const string TypeName = "AuthenticateClientOk";

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    internal static AuthenticateClientOk Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tags.Sequence, "authenticateClientOk", TypeName);
        byte[] transactionId = s.ReadTransactionId(Tags.Ctx(0));
        Asn1Element metadata = s.ReadElement(Tags.CtxC(37), "profileMetaData");
        SmdpSigned2 signed = SmdpSigned2.Read(s);
        byte[] signature = s.ReadSignature("smdpSignature2");
        byte[] certificate = s.ReadCertificate("smdpCertificate");
        return new AuthenticateClientOk(transactionId, metadata, signed, signature, certificate) { Extensions = s.ReadExtensions() };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Tags.Sequence))
        {
            w.WriteOctetString(TransactionId, Tags.Ctx(0));
            RawDer.Write(w, ProfileMetaData, "profileMetaData", Tags.CtxC(37));
            SmdpSigned2.Write(w);
            w.WriteOctetString(SmdpSignature2, Tags.App(55));
            w.WriteCertificate(SmdpCertificate, "smdpCertificate");
            w.WriteExtensions(Extensions);
        }
    }
}

/// <summary>
/// AuthenticateClientOkAcr ::= SEQUENCE { transactionId [0] TransactionId, profileMetaData [37] StoreMetadataRequest }
/// (v2.5, §6.6). profileMetaData is kept as its raw DER element (tag 'BF25').
/// </summary>
public sealed record AuthenticateClientOkAcr(byte[] TransactionId, Asn1Element ProfileMetaData)
{
    public const string TypeName = "AuthenticateClientOkAcr";

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    internal static AuthenticateClientOkAcr Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tags.Sequence, "authenticateClientOkAcr", TypeName);
        byte[] transactionId = s.ReadTransactionId(Tags.Ctx(0));
        Asn1Element metadata = s.ReadElement(Tags.CtxC(37), "profileMetaData");
        return new AuthenticateClientOkAcr(transactionId, metadata) { Extensions = s.ReadExtensions() };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Tags.Sequence))
        {
            w.WriteOctetString(TransactionId, Tags.Ctx(0));
            RawDer.Write(w, ProfileMetaData, "profileMetaData", Tags.CtxC(37));
            w.WriteExtensions(Extensions);
        }
    }
}
