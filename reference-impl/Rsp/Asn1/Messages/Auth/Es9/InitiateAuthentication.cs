using System.Formats.Asn1;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// InitiateAuthenticationRequest ::= [57] SEQUENCE { -- Tag 'BF39'
///   euiccChallenge [1] Octet16, smdpAddress [3] UTF8String, euiccInfo1 EUICCInfo1 }
/// (ES9+.InitiateAuthentication, SGP.22 v2.5 §5.6.1, ASN.1 binding §6.6).
/// </summary>
public sealed record InitiateAuthenticationRequest(byte[] EuiccChallenge, string SmdpAddress, EUICCInfo1 EuiccInfo1)
    : IAsn1Message<InitiateAuthenticationRequest>
{
    public const string TypeName = "InitiateAuthenticationRequest";

    public static Asn1Tag Tag => Tags.CtxC(57);

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static InitiateAuthenticationRequest Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, TypeName, r => Read(r));

    internal static InitiateAuthenticationRequest Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tag, "initiateAuthenticationRequest", TypeName);
        byte[] challenge = s.ReadOctet16(Tags.Ctx(1), "euiccChallenge");
        string address = s.ReadUtf8String(Tags.Ctx(3), "smdpAddress");
        EUICCInfo1 info1 = EUICCInfo1.Read(s);
        return new InitiateAuthenticationRequest(challenge, address, info1) { Extensions = s.ReadExtensions() };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Tag))
        {
            w.WriteOctetString(EuiccChallenge, Tags.Ctx(1));
            w.WriteUtf8(SmdpAddress, Tags.Ctx(3));
            EuiccInfo1.Write(w);
            w.WriteExtensions(Extensions);
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}

/// <summary>
/// InitiateAuthenticationResponse ::= [57] CHOICE { -- Tag 'BF39'
///   initiateAuthenticationOk InitiateAuthenticationOkEs9, initiateAuthenticationError INTEGER }
/// (SGP.22 v2.5 §5.6.1, §6.6). Automatic tags: ok 'A0', error '81'; [57] is explicit.
/// </summary>
public sealed record InitiateAuthenticationResponse : IAsn1Message<InitiateAuthenticationResponse>
{
    public const string TypeName = "InitiateAuthenticationResponse";

    public static Asn1Tag Tag => Tags.CtxC(57);

    public InitiateAuthenticationOkEs9? InitiateAuthenticationOk { get; init; }

    public InitiateAuthenticationError? InitiateAuthenticationError { get; init; }

    public static InitiateAuthenticationResponse Ok(InitiateAuthenticationOkEs9 ok) => new() { InitiateAuthenticationOk = ok };

    public static InitiateAuthenticationResponse Error(InitiateAuthenticationError error) => new() { InitiateAuthenticationError = error };

    public static InitiateAuthenticationResponse Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, TypeName, r => Read(r));

    internal static InitiateAuthenticationResponse Read(DerReader r, Asn1Tag? tag = null) =>
        ChoiceIo.ReadOkOrError(r, tag ?? Tag, "initiateAuthenticationResponse", TypeName,
            "initiateAuthenticationOk", s => Ok(InitiateAuthenticationOkEs9.Read(s, Tags.CtxC(0))),
            "initiateAuthenticationError", Tags.Ctx(1), s => Error((InitiateAuthenticationError)s.ReadInt32(Tags.Ctx(1), "initiateAuthenticationError")));

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        AsnFields.RequireOneAlternative(TypeName, InitiateAuthenticationOk, InitiateAuthenticationError);
        using (w.PushSequence(tag ?? Tag))
        {
            InitiateAuthenticationOk?.Write(w, Tags.CtxC(0));
            if (InitiateAuthenticationError is { } error)
            {
                w.WriteInteger((int)error, Tags.Ctx(1));
            }
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}

/// <summary>
/// InitiateAuthenticationOkEs9 ::= SEQUENCE { transactionId [0] TransactionId, serverSigned1 ServerSigned1,
///   serverSignature1 [APPLICATION 55] OCTET STRING, euiccCiPKIdToBeUsed SubjectKeyIdentifier,
///   serverCertificate Certificate } (SGP.22 v2.5 §6.6).
/// </summary>
public sealed record InitiateAuthenticationOkEs9(
    byte[] TransactionId,
    ServerSigned1 ServerSigned1,
    byte[] ServerSignature1,
    byte[] EuiccCiPKIdToBeUsed,
    byte[] ServerCertificate)
{
    public const string TypeName = "InitiateAuthenticationOkEs9";

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    internal static InitiateAuthenticationOkEs9 Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tags.Sequence, "initiateAuthenticationOk", TypeName);
        byte[] transactionId = s.ReadTransactionId(Tags.Ctx(0));
        ServerSigned1 signed = ServerSigned1.Read(s);
        byte[] signature = s.ReadSignature("serverSignature1");
        byte[] pkId = s.ReadOctetString(Tags.OctetString, "euiccCiPKIdToBeUsed");
        byte[] certificate = s.ReadCertificate("serverCertificate");
        return new InitiateAuthenticationOkEs9(transactionId, signed, signature, pkId, certificate) { Extensions = s.ReadExtensions() };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Tags.Sequence))
        {
            w.WriteOctetString(TransactionId, Tags.Ctx(0));
            ServerSigned1.Write(w);
            w.WriteOctetString(ServerSignature1, Tags.App(55));
            w.WriteOctetString(EuiccCiPKIdToBeUsed);
            w.WriteCertificate(ServerCertificate, "serverCertificate");
            w.WriteExtensions(Extensions);
        }
    }
}
