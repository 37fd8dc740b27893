using System.Formats.Asn1;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// ServerSigned1 ::= SEQUENCE { transactionId [0] TransactionId, euiccChallenge [1] Octet16,
/// serverAddress [3] UTF8String, serverChallenge [4] Octet16 } (SGP.22 v2.5 §5.6.1, §5.7.13).
/// Signed by the SM-DP+ (serverSignature1) over its DER: <see cref="Raw"/> keeps the received bytes.
/// </summary>
public sealed record ServerSigned1(byte[] TransactionId, byte[] EuiccChallenge, string ServerAddress, byte[] ServerChallenge)
{
    public const string TypeName = "ServerSigned1";

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    /// <summary>
    /// The DER exactly as received (empty when built in code). A <c>with</c> copy drops it, so a changed
    /// copy re-encodes from its fields. <see cref="Write"/> emits these bytes when present.
    /// </summary>
    [DerRaw]
    public ReadOnlyMemory<byte> Raw { get; init; }

    private ServerSigned1(ServerSigned1 original)
    {
        TransactionId = original.TransactionId;
        EuiccChallenge = original.EuiccChallenge;
        ServerAddress = original.ServerAddress;
        ServerChallenge = original.ServerChallenge;
        Extensions = original.Extensions;
    }

    /// <summary>The bytes serverSignature1 covers: <see cref="Raw"/> when decoded, else the encoding.</summary>
    public ReadOnlyMemory<byte> SignedData => Raw.IsEmpty ? Encode() : Raw;

    public static ServerSigned1 Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, TypeName, r => Read(r));

    internal static ServerSigned1 Read(DerReader r, Asn1Tag? tag = null)
    {
        Asn1Element e = r.ReadElement(tag ?? Tags.Sequence, "serverSigned1");
        DerReader s = e.Open(TypeName);
        byte[] transactionId = s.ReadTransactionId(Tags.Ctx(0));
        byte[] euiccChallenge = s.ReadOctet16(Tags.Ctx(1), "euiccChallenge");
        string serverAddress = s.ReadUtf8String(Tags.Ctx(3), "serverAddress");
        byte[] serverChallenge = s.ReadOctet16(Tags.Ctx(4), "serverChallenge");
        return new ServerSigned1(transactionId, euiccChallenge, serverAddress, serverChallenge)
        {
            Extensions = s.ReadExtensions(),
            Raw = e.Encoded,
        };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        if (!Raw.IsEmpty && tag is null)
        {
            w.WriteEncodedValue(Raw.Span);
            return;
        }
        using (w.PushSequence(tag ?? Tags.Sequence))
        {
            w.WriteOctetString(TransactionId, Tags.Ctx(0));
            w.WriteOctetString(EuiccChallenge, Tags.Ctx(1));
            w.WriteUtf8(ServerAddress, Tags.Ctx(3));
            w.WriteOctetString(ServerChallenge, Tags.Ctx(4));
            w.WriteExtensions(Extensions);
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}
