using System.Formats.Asn1;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// ES10b.RemoveNotificationFromList (SGP.22 v2.2.2 §5.7.11): <c>NotificationSentRequest ::= [48] SEQUENCE {
/// seqNumber [0] INTEGER }</c>, tag <c>BF30</c>.
/// </summary>
public sealed record NotificationSentRequest(int SeqNumber) : IAsn1Message<NotificationSentRequest>
{
    private const string Name = "NotificationSentRequest";

    /// <summary>[48], <c>BF30</c>.</summary>
    public static Asn1Tag Tag => Tags.CtxC(48);

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static NotificationSentRequest Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, Name, r => Read(r));

    internal static NotificationSentRequest Read(DerReader r, Asn1Tag? tag = null) =>
        new(ResultIo.Read(r, tag ?? Tag, Name, "seqNumber", out var ext)) { Extensions = ext };

    public void Write(AsnWriter w, Asn1Tag? tag = null) => ResultIo.Write(w, tag ?? Tag, SeqNumber, Extensions);

    public byte[] Encode() => Der.Encode(w => Write(w));
}

/// <summary>
/// <c>NotificationSentResponse ::= [48] SEQUENCE { deleteNotificationStatus INTEGER {ok(0), nothingToDelete(1),
/// undefinedError(127)} }</c>, tag <c>BF30</c> (SGP.22 v2.2.2 §5.7.11); AUTOMATIC TAGS: <c>80</c>.
/// </summary>
public sealed record NotificationSentResponse(NotificationSentResult DeleteNotificationStatus) : IAsn1Message<NotificationSentResponse>
{
    private const string Name = "NotificationSentResponse";

    /// <summary>[48], <c>BF30</c>.</summary>
    public static Asn1Tag Tag => Tags.CtxC(48);

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static NotificationSentResponse Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, Name, r => Read(r));

    internal static NotificationSentResponse Read(DerReader r, Asn1Tag? tag = null) =>
        new((NotificationSentResult)ResultIo.Read(r, tag ?? Tag, Name, "deleteNotificationStatus", out var ext)) { Extensions = ext };

    public void Write(AsnWriter w, Asn1Tag? tag = null) => ResultIo.Write(w, tag ?? Tag, (int)DeleteNotificationStatus, Extensions);

    public byte[] Encode() => Der.Encode(w => Write(w));
}
