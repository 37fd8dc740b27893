using System.Formats.Asn1;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// ServerSigned1 ::= SEQUENCE { transactionId [0] TransactionId, euiccChallenge [1] Octet16,
/// serverAddress [3] UTF8String, serverChallenge [4] Octet16 } (SGP.22 v2.5 §5.6.1, §5.7.13).
/// Signed by the SM-DP+ (serverSignature1) over its DER: <see cref="SignedDerPart.Raw"/> keeps the received
/// bytes and <see cref="SignedDerPart.SignedData"/> is what serverSignature1 covers.
/// </summary>
public sealed record ServerSigned1(byte[] TransactionId, byte[] EuiccChallenge, string ServerAddress, byte[] ServerChallenge) : SignedDerPart
{
    public const string TypeName = "ServerSigned1";

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static ServerSigned1 Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, TypeName, r => Read(r));

    internal static ServerSigned1 Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = Open(r, tag, "serverSigned1", TypeName, out ReadOnlyMemory<byte> raw);
        byte[] transactionId = s.ReadTransactionId(Tags.Ctx(0));
        byte[] euiccChallenge = s.ReadOctet16(Tags.Ctx(1), "euiccChallenge");
        string serverAddress = s.ReadUtf8String(Tags.Ctx(3), "serverAddress");
        byte[] serverChallenge = s.ReadOctet16(Tags.Ctx(4), "serverChallenge");
        return new ServerSigned1(transactionId, euiccChallenge, serverAddress, serverChallenge)
        {
            Extensions = s.ReadExtensions(),
            Raw = raw,
        };
    }

    private protected override void WriteFields(AsnWriter w)
    {
        w.WriteOctetString(TransactionId, Tags.Ctx(0));
        w.WriteOctetString(EuiccChallenge, Tags.Ctx(1));
        w.WriteUtf8(ServerAddress, Tags.Ctx(3));
        w.WriteOctetString(ServerChallenge, Tags.Ctx(4));
        w.WriteExtensions(Extensions);
    }
}
