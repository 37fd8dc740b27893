using System.Formats.Asn1;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// AuthenticateServerResponse ::= [56] CHOICE { -- Tag 'BF38'
///   authenticateResponseOk AuthenticateResponseOk, authenticateResponseError AuthenticateResponseError }
/// (SGP.22 v2.5 §5.7.13). The [56] tag is explicit around the chosen alternative (A0 or A1).
/// Sent on by the LPA inside ES9+.AuthenticateClient (§5.6.3).
/// </summary>
public sealed record AuthenticateServerResponse : IAsn1Message<AuthenticateServerResponse>
{
    public const string TypeName = "AuthenticateServerResponse";

    public static Asn1Tag Tag => Tags.CtxC(56);

    public AuthenticateResponseOk? AuthenticateResponseOk { get; init; }

    public AuthenticateResponseError? AuthenticateResponseError { get; init; }

    public static AuthenticateServerResponse Ok(AuthenticateResponseOk ok) => new() { AuthenticateResponseOk = ok };

    public static AuthenticateServerResponse Error(AuthenticateResponseError error) => new() { AuthenticateResponseError = error };

    public static AuthenticateServerResponse Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, TypeName, r => Read(r));

    internal static AuthenticateServerResponse Read(DerReader r, Asn1Tag? tag = null) =>
        ChoiceIo.ReadOkOrError(r, tag ?? Tag, "authenticateServerResponse", TypeName,
            "authenticateResponseOk", s => Ok(AuthenticateResponseOk.Read(s, Tags.CtxC(0))),
            "authenticateResponseError", Tags.CtxC(1), s => Error(AuthenticateResponseError.Read(s, Tags.CtxC(1))));

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        AsnFields.RequireOneAlternative(TypeName, AuthenticateResponseOk, AuthenticateResponseError);
        using (w.PushSequence(tag ?? Tag))
        {
            AuthenticateResponseOk?.Write(w, Tags.CtxC(0));
            AuthenticateResponseError?.Write(w, Tags.CtxC(1));
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}

/// <summary>
/// AuthenticateResponseOk ::= SEQUENCE { euiccSigned1 EuiccSigned1, euiccSignature1 [APPLICATION 55] OCTET STRING,
/// euiccCertificate Certificate, eumCertificate Certificate } (SGP.22 v2.5 §5.7.13).
/// </summary>
public sealed record AuthenticateResponseOk(EuiccSigned1 EuiccSigned1, byte[] EuiccSignature1, byte[] EuiccCertificate, byte[] EumCertificate)
{
    public const string TypeName = "AuthenticateResponseOk";

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    internal static AuthenticateResponseOk Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tags.Sequence, "authenticateResponseOk", TypeName);
        EuiccSigned1 signed = EuiccSigned1.Read(s);
        byte[] signature = s.ReadSignature("euiccSignature1");
        byte[] euiccCertificate = s.ReadCertificate("euiccCertificate");
        byte[] eumCertificate = s.ReadCertificate("eumCertificate");
        return new AuthenticateResponseOk(signed, signature, euiccCertificate, eumCertificate) { Extensions = s.ReadExtensions() };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Tags.Sequence))
        {
            EuiccSigned1.Write(w);
            w.WriteOctetString(EuiccSignature1, Tags.App(55));
            w.WriteCertificate(EuiccCertificate, "euiccCertificate");
            w.WriteCertificate(EumCertificate, "eumCertificate");
            w.WriteExtensions(Extensions);
        }
    }
}

/// <summary>
/// AuthenticateResponseError ::= SEQUENCE { transactionId [0] TransactionId, authenticateErrorCode AuthenticateErrorCode }
/// (SGP.22 v2.5 §5.7.13; codes in <see cref="AuthenticateErrorCode"/>).
/// </summary>
public sealed record AuthenticateResponseError(byte[] TransactionId, AuthenticateErrorCode AuthenticateErrorCode)
{
    public const string TypeName = "AuthenticateResponseError";

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    internal static AuthenticateResponseError Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tags.Sequence, "authenticateResponseError", TypeName);
        byte[] transactionId = s.ReadTransactionId(Tags.Ctx(0));
        var code = (AuthenticateErrorCode)s.ReadInt32(Tags.Integer, "authenticateErrorCode");
        return new AuthenticateResponseError(transactionId, code) { Extensions = s.ReadExtensions() };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Tags.Sequence))
        {
            w.WriteOctetString(TransactionId, Tags.Ctx(0));
            w.WriteInteger((int)AuthenticateErrorCode);
            w.WriteExtensions(Extensions);
        }
    }
}
