using System.Formats.Asn1;

namespace Conformance.Rsp.Asn1.Messages;

/// <summary>
/// SmdpSigned2 ::= SEQUENCE { transactionId [0] TransactionId, ccRequiredFlag BOOLEAN,
/// bppEuiccOtpk [APPLICATION 73] OCTET STRING OPTIONAL -- tag '5F49' } (SGP.22 v2.5 §5.7.5, §5.6.2).
/// Signed by the SM-DP+ (smdpSignature2): <see cref="SignedDerPart.Raw"/> keeps the received DER and
/// <see cref="SignedDerPart.SignedData"/> is what smdpSignature2 covers (with euiccSignature1).
/// </summary>
public sealed record SmdpSigned2(byte[] TransactionId, bool CcRequiredFlag, byte[]? BppEuiccOtpk = null) : SignedDerPart
{
    public const string TypeName = "SmdpSigned2";

    public IReadOnlyList<Asn1Element> Extensions { get; init; } = [];

    public static SmdpSigned2 Decode(ReadOnlyMemory<byte> der) => DerReader.Decode(der, TypeName, r => Read(r));

    internal static SmdpSigned2 Read(DerReader r, Asn1Tag? tag = null)
    {
        DerReader s = Open(r, tag, "smdpSigned2", TypeName, out ReadOnlyMemory<byte> raw);
        byte[] transactionId = s.ReadTransactionId(Tags.Ctx(0));
        bool cc = s.ReadBoolean(Tags.Boolean, "ccRequiredFlag");
        byte[]? otpk = s.ReadOptionalOctetString(Tags.App(73), "bppEuiccOtpk");
        return new SmdpSigned2(transactionId, cc, otpk) { Extensions = s.ReadExtensions(), Raw = raw };
    }

    private protected override void WriteFields(AsnWriter w)
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
