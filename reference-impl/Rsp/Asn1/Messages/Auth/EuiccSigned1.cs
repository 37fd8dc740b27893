using System.Formats.Asn1;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// EuiccSigned1 ::= SEQUENCE { transactionId [0] TransactionId, serverAddress [3] UTF8String,
/// serverChallenge [4] Octet16, euiccInfo2 [34] EUICCInfo2, ctxParams1 CtxParams1 }
/// (SGP.22 v2.5 §5.7.13). Signed by the eUICC (euiccSignature1): <see cref="SignedDerPart.Raw"/> keeps the
/// received DER and <see cref="SignedDerPart.SignedData"/> is what euiccSignature1 covers.
/// </summary>
public sealed record EuiccSigned1(byte[] TransactionId, string ServerAddress, byte[] ServerChallenge, EUICCInfo2 EuiccInfo2, CtxParams1 CtxParams1) : SignedDerPart
{
    public const string TypeName = "EuiccSigned1";

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static EuiccSigned1 Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, TypeName, r => Read(r));

    internal static EuiccSigned1 Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = Open(r, tag, "euiccSigned1", TypeName, out ReadOnlyMemory<byte> raw);
        byte[] transactionId = s.ReadTransactionId(Tags.Ctx(0));
        string serverAddress = s.ReadUtf8String(Tags.Ctx(3), "serverAddress");
        byte[] serverChallenge = s.ReadOctet16(Tags.Ctx(4), "serverChallenge");
        EUICCInfo2 info2 = EUICCInfo2.Read(s, Tags.CtxC(34));
        CtxParams1 ctx = CtxParams1.Read(s);
        return new EuiccSigned1(transactionId, serverAddress, serverChallenge, info2, ctx)
        {
            Extensions = s.ReadExtensions(),
            Raw = raw,
        };
    }

    private protected override void WriteFields(AsnWriter w)
    {
        w.WriteOctetString(TransactionId, Tags.Ctx(0));
        w.WriteUtf8(ServerAddress, Tags.Ctx(3));
        w.WriteOctetString(ServerChallenge, Tags.Ctx(4));
        EuiccInfo2.Write(w, Tags.CtxC(34));
        CtxParams1.Write(w);
        w.WriteExtensions(Extensions);
    }
}
