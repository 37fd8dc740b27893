using System.Formats.Asn1;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// <c>ControlRefTemplate ::= SEQUENCE { keyType [0] Octet1, keyLen [1] Octet1, hostId [4] OctetTo16 }</c>
/// (SGP.22 v2.2.2 §5.5.1, a subset of the GlobalPlatform CRT for key agreement): keyType <c>88</c> (AES),
/// keyLen <c>10</c> (16 bytes). Inside InitialiseSecureChannelRequest it is <c>[6] IMPLICIT</c>, tag <c>A6</c>.
/// </summary>
public sealed record ControlRefTemplate(byte KeyType, byte KeyLen, byte[] HostId)
{
    private const string Name = "ControlRefTemplate";

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static ControlRefTemplate Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, Name, r => Read(r));

    internal static ControlRefTemplate Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Asn1Tag.Sequence, Name, Name);
        byte keyType = s.ReadOctetString(Tags.Ctx(0), "keyType", exactLength: 1)[0];
        byte keyLen = s.ReadOctetString(Tags.Ctx(1), "keyLen", exactLength: 1)[0];
        byte[] hostId = s.ReadOctetString(Tags.Ctx(4), "hostId", minLength: 1, maxLength: 16);
        var ext = s.ReadExtensionsAfter(Tags.Ctx(0), Tags.Ctx(1), Tags.Ctx(4));
        return new ControlRefTemplate(keyType, keyLen, hostId) { Extensions = ext };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Asn1Tag.Sequence))
        {
            w.WriteOctetString([KeyType], Tags.Ctx(0));
            w.WriteOctetString([KeyLen], Tags.Ctx(1));
            w.WriteOctetString(HostId, Tags.Ctx(4));
            w.WriteExtensions(Extensions);
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}
