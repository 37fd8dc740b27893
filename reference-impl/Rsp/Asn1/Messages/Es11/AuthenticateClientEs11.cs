using System.Formats.Asn1;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// AuthenticateClientResponseEs11 ::= [64] CHOICE { -- Tag 'BF40'
///   authenticateClientOk AuthenticateClientOkEs11,
///   authenticateClientError INTEGER { eumCertificateInvalid(1) .. invalidTransactionId(7), undefinedError(127) } }
/// (ES11.AuthenticateClient, SGP.22 v2.5 §5.8.2, §6.6). Automatic tags: ok is [0] ('A0'), error is [1] ('81');
/// [64] is explicit around the alternative.
/// </summary>
public sealed record AuthenticateClientResponseEs11 : IAsn1Message<AuthenticateClientResponseEs11>
{
    public const string TypeName = "AuthenticateClientResponseEs11";

    public static Asn1Tag Tag => Tags.CtxC(64);

    public AuthenticateClientOkEs11? AuthenticateClientOk { get; init; }

    public AuthenticateClientEs11Error? AuthenticateClientError { get; init; }

    public static AuthenticateClientResponseEs11 Ok(AuthenticateClientOkEs11 ok) => new() { AuthenticateClientOk = ok };

    public static AuthenticateClientResponseEs11 Error(AuthenticateClientEs11Error error) => new() { AuthenticateClientError = error };

    public static AuthenticateClientResponseEs11 Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, TypeName, r => Read(r));

    internal static AuthenticateClientResponseEs11 Read(DerReader r, Asn1Tag? tag = null) =>
        ChoiceIo.ReadOkOrError(r, tag ?? Tag, "authenticateClientResponseEs11", TypeName,
            "authenticateClientOk", s => Ok(AuthenticateClientOkEs11.Read(s, Tags.CtxC(0))),
            "authenticateClientError", Tags.Ctx(1), s => Error((AuthenticateClientEs11Error)s.ReadInt32(Tags.Ctx(1), "authenticateClientError")));

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        AsnFields.RequireOneAlternative(TypeName, AuthenticateClientOk, AuthenticateClientError);
        using (w.PushSequence(tag ?? Tag))
        {
            AuthenticateClientOk?.Write(w, Tags.CtxC(0));
            if (AuthenticateClientError is { } error)
            {
                w.WriteInteger((int)error, Tags.Ctx(1));
            }
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}

/// <summary>
/// AuthenticateClientOkEs11 ::= SEQUENCE { transactionId TransactionId, eventEntries SEQUENCE OF EventEntries }
/// (SGP.22 v2.5 §6.6). No component is tagged, so automatic tags apply: transactionId [0] ('80'), eventEntries [1] ('A1').
/// An empty eventEntries is valid: the eUICC has no event pending (SGP.22 v2.5 §3.6.2).
/// </summary>
public sealed record AuthenticateClientOkEs11(byte[] TransactionId, IReadOnlyList<EventEntry> EventEntries)
{
    public const string TypeName = "AuthenticateClientOkEs11";

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    internal static AuthenticateClientOkEs11 Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tags.Sequence, "authenticateClientOk", TypeName);
        byte[] transactionId = s.ReadTransactionId(Tags.Ctx(0));
        DerReader list = s.ReadConstructed(Tags.CtxC(1), "eventEntries");
        var entries = new List<EventEntry>();
        while (list.HasData)
        {
            entries.Add(EventEntry.Read(list));
        }
        return new AuthenticateClientOkEs11(transactionId, entries) { Extensions = s.ReadExtensions() };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Tags.Sequence))
        {
            w.WriteOctetString(TransactionId, Tags.Ctx(0));
            using (w.PushSequence(Tags.CtxC(1)))
            {
                foreach (EventEntry e in EventEntries)
                {
                    e.Write(w);
                }
            }
            w.WriteExtensions(Extensions);
        }
    }
}

/// <summary>
/// EventEntries ::= SEQUENCE { eventId UTF8String, rspServerAddress UTF8String } (SGP.22 v2.5 §6.6; one Event Record of
/// §3.6, named EventEntries in the module). Automatic tags: eventId [0] ('80'), rspServerAddress [1] ('81').
/// </summary>
public sealed record EventEntry(string EventId, string RspServerAddress)
{
    public const string TypeName = "EventEntries";

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    internal static EventEntry Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tags.Sequence, "eventEntries", TypeName);
        string eventId = s.ReadUtf8String(Tags.Ctx(0), "eventId");
        string address = s.ReadUtf8String(Tags.Ctx(1), "rspServerAddress");
        return new EventEntry(eventId, address) { Extensions = s.ReadExtensions() };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Tags.Sequence))
        {
            w.WriteCharacterString(UniversalTagNumber.UTF8String, EventId, Tags.Ctx(0));
            w.WriteCharacterString(UniversalTagNumber.UTF8String, RspServerAddress, Tags.Ctx(1));
            w.WriteExtensions(Extensions);
        }
    }
}
