using System.Formats.Asn1;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// SmdpSigned2 ::= SEQUENCE { transactionId [0] TransactionId, ccRequiredFlag BOOLEAN,
/// bppEuiccOtpk [APPLICATION 73] OCTET STRING OPTIONAL -- tag '5F49' } (SGP.22 v2.5 §5.7.5, §5.6.2).
/// Signed by the SM-DP+ (smdpSignature2): <see cref="Raw"/> keeps the received DER.
/// </summary>
public sealed record SmdpSigned2(byte[] TransactionId, bool CcRequiredFlag, byte[]? BppEuiccOtpk = null)
{
    public const string TypeName = "SmdpSigned2";

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    /// <summary>The DER exactly as received (empty when built in code); dropped by a <c>with</c> copy.</summary>
    [DerRaw]
    public ReadOnlyMemory<byte> Raw { get; init; }

    private SmdpSigned2(SmdpSigned2 original)
    {
        TransactionId = original.TransactionId;
        CcRequiredFlag = original.CcRequiredFlag;
        BppEuiccOtpk = original.BppEuiccOtpk;
        Extensions = original.Extensions;
    }

    /// <summary>The bytes smdpSignature2 covers (with euiccSignature1): <see cref="Raw"/> when decoded, else the encoding.</summary>
    public ReadOnlyMemory<byte> SignedData => Raw.IsEmpty ? Encode() : Raw;

    public static SmdpSigned2 Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, TypeName, r => Read(r));

    internal static SmdpSigned2 Read(DerReader r, Asn1Tag? tag = null)
    {
        Asn1Element e = r.ReadElement(tag ?? Tags.Sequence, "smdpSigned2");
        DerReader s = e.Open(TypeName);
        byte[] transactionId = s.ReadTransactionId(Tags.Ctx(0));
        bool cc = s.ReadBoolean(Tags.Boolean, "ccRequiredFlag");
        byte[]? otpk = s.ReadOptionalOctetString(Tags.App(73), "bppEuiccOtpk");
        return new SmdpSigned2(transactionId, cc, otpk) { Extensions = s.ReadExtensions(), Raw = e.Encoded };
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
            w.WriteBoolean(CcRequiredFlag);
            if (BppEuiccOtpk is not null)
            {
                w.WriteOctetString(BppEuiccOtpk, Tags.App(73));
            }
            w.WriteExtensions(Extensions);
        }
    }

    public byte[] Encode() => Der.Encode(w => Write(w));
}
