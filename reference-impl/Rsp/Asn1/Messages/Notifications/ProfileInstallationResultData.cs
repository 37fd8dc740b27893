using System.Formats.Asn1;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// <c>SuccessResult ::= SEQUENCE { aid [APPLICATION 15] OCTET STRING (SIZE (5..16)), simaResponse OCTET STRING }</c>
/// (SGP.22 v2.2.2 §5.7.6): the ISD-P AID (<c>4F</c>) and the EUICCResponse(s) of the profile elements (<c>04</c>).
/// </summary>
public sealed record SuccessResult(byte[] Aid, byte[] SimaResponse)
{
    private const string Name = "SuccessResult";

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    internal static SuccessResult Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Asn1Tag.Sequence, Name, Name);
        byte[] aid = s.ReadOctetString(Tags.App(15), "aid", minLength: 5, maxLength: 16);
        byte[] sima = s.ReadOctetString(Tags.OctetString, "simaResponse");
        return new SuccessResult(aid, sima) { Extensions = s.ReadExtensionsAfter(Tags.App(15), Tags.OctetString) };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Asn1Tag.Sequence))
        {
            w.WriteOctetString(Aid, Tags.App(15));
            w.WriteOctetString(SimaResponse);
            w.WriteExtensions(Extensions);
        }
    }
}

/// <summary>
/// <c>ErrorResult ::= SEQUENCE { bppCommandId BppCommandId, errorReason ErrorReason, simaResponse OCTET STRING
/// OPTIONAL }</c> (SGP.22 v2.2.2 §5.7.6). No component carries a tag: AUTOMATIC TAGS gives <c>80</c>, <c>81</c>, <c>82</c>.
/// </summary>
public sealed record ErrorResult(BppCommandId BppCommandId, ErrorReason ErrorReason, byte[]? SimaResponse = null)
{
    private const string Name = "ErrorResult";

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    internal static ErrorResult Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Asn1Tag.Sequence, Name, Name);
        var cmd = (BppCommandId)s.ReadInt32(Tags.Ctx(0), "bppCommandId");
        var reason = (ErrorReason)s.ReadInt32(Tags.Ctx(1), "errorReason");
        byte[]? sima = s.ReadOptionalOctetString(Tags.Ctx(2), "simaResponse");
        return new ErrorResult(cmd, reason, sima) { Extensions = s.ReadExtensionsAfter(Tags.Ctx(0), Tags.Ctx(1), Tags.Ctx(2)) };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        using (w.PushSequence(tag ?? Asn1Tag.Sequence))
        {
            w.WriteInteger((int)BppCommandId, Tags.Ctx(0));
            w.WriteInteger((int)ErrorReason, Tags.Ctx(1));
            if (SimaResponse is not null)
            {
                w.WriteOctetString(SimaResponse, Tags.Ctx(2));
            }
            w.WriteExtensions(Extensions);
        }
    }
}

/// <summary>
/// <c>ProfileInstallationResultData ::= [39] SEQUENCE { transactionId [0] TransactionId, notificationMetadata [47]
/// NotificationMetadata, smdpOid OBJECT IDENTIFIER, finalResult [2] CHOICE { successResult SuccessResult,
/// errorResult ErrorResult } }</c>, tag <c>BF27</c> (SGP.22 v2.2.2 §5.7.6). finalResult is a tagged CHOICE, so
/// explicit: <c>A2</c> holding <c>A0</c> (success) or <c>A1</c> (error), the alternatives tagged automatically.
/// Exactly one of <see cref="SuccessResult"/> and <see cref="ErrorResult"/> is set.
/// </summary>
public sealed record ProfileInstallationResultData(
    byte[] TransactionId,
    NotificationMetadata NotificationMetadata,
    string SmdpOid,
    SuccessResult? SuccessResult,
    ErrorResult? ErrorResult) : IAsn1Message<ProfileInstallationResultData>
{
    private const string Name = "ProfileInstallationResultData";

    /// <summary>[39], <c>BF27</c>.</summary>
    public static Asn1Tag Tag => Tags.CtxC(39);

    private static readonly Asn1Tag FinalResultTag = Tags.CtxC(2);

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static ProfileInstallationResultData Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, Name, r => Read(r));

    internal static ProfileInstallationResultData Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = r.ReadConstructed(tag ?? Tag, Name, Name);
        byte[] tid = s.ReadOctetString(Tags.Ctx(0), "transactionId", minLength: 1, maxLength: 16);
        NotificationMetadata meta = NotificationMetadata.Read(s);
        string oid = s.ReadObjectIdentifier(Tags.Oid, "smdpOid");
        DerReader fr = s.ReadConstructed(FinalResultTag, "finalResult");
        SuccessResult? ok = null;
        ErrorResult? error = null;
        if (fr.IsNext(Tags.CtxC(0)))
        {
            ok = SuccessResult.Read(fr, Tags.CtxC(0));
        }
        else if (fr.IsNext(Tags.CtxC(1)))
        {
            error = ErrorResult.Read(fr, Tags.CtxC(1));
        }
        else
        {
            throw fr.UnknownAlternative("finalResult");
        }
        fr.End();
        var ext = s.ReadExtensionsAfter(Tags.Ctx(0), NotificationMetadata.Tag, Tags.Oid, FinalResultTag);
        return new ProfileInstallationResultData(tid, meta, oid, ok, error) { Extensions = ext };
    }

    public void Write(AsnWriter w, Asn1Tag? tag = null)
    {
        if ((SuccessResult is null) == (ErrorResult is null))
        {
            throw new InvalidOperationException("finalResult needs exactly one of successResult and errorResult");
        }
        using (w.PushSequence(tag ?? Tag))
        {
            w.WriteOctetString(TransactionId, Tags.Ctx(0));
            NotificationMetadata.Write(w);
            w.WriteObjectIdentifier(SmdpOid);
            using (w.PushSequence(FinalResultTag))
            {
                SuccessResult?.Write(w, Tags.CtxC(0));
                ErrorResult?.Write(w, Tags.CtxC(1));
            }
            w.WriteExtensions(Extensions);
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}
