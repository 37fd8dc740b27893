using System.Formats.Asn1;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// AuthenticateServerRequest ::= [56] SEQUENCE { -- Tag 'BF38'
///   serverSigned1 ServerSigned1, serverSignature1 [APPLICATION 55] OCTET STRING,
///   euiccCiPKIdToBeUsed SubjectKeyIdentifier, serverCertificate Certificate, ctxParams1 CtxParams1 }
/// (ES10b.AuthenticateServer, SGP.22 v2.5 §5.7.13).
/// </summary>
public sealed record AuthenticateServerRequest(
    ServerSigned1 ServerSigned1,
    byte[] ServerSignature1,
    byte[] EuiccCiPKIdToBeUsed,
    byte[] ServerCertificate,
    CtxParams1 CtxParams1) : IAsn1Message<AuthenticateServerRequest>
{
    public const string TypeName = "AuthenticateServerRequest";

    public static Asn1Tag Tag => Tags.CtxC(56);

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static AuthenticateServerRequest Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, TypeName, r => Read(r));

    internal static AuthenticateServerRequest Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tag, "authenticateServerRequest", TypeName);
        ServerSigned1 signed = ServerSigned1.Read(s);
        byte[] signature = s.ReadSignature("serverSignature1");
        byte[] pkId = s.ReadOctetString(Tags.OctetString, "euiccCiPKIdToBeUsed");
        byte[] certificate = s.ReadCertificate("serverCertificate");
        CtxParams1 ctx = CtxParams1.Read(s);
        return new AuthenticateServerRequest(signed, signature, pkId, certificate, ctx) { Extensions = s.ReadExtensions() };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Tag))
        {
            ServerSigned1.Write(w);
            w.WriteOctetString(ServerSignature1, Tags.App(55));
            w.WriteOctetString(EuiccCiPKIdToBeUsed);
            w.WriteCertificate(ServerCertificate, "serverCertificate");
            CtxParams1.Write(w);
            w.WriteExtensions(Extensions);
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}
