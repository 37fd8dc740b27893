using System.Formats.Asn1;
using Conformance.Rsp.Asn1;
using BigInteger = System.Numerics.BigInteger;

namespace Conformance.Rsp.Crypto;

/// <summary>
/// The two encodings of an ECDSA signature (r, s). SGP.22 v2.5 §2.6.5 carries the plain format of
/// BSI TR-03111 §5.2.1: r||s, each 32 bytes big-endian (64 bytes, e.g. euiccSignature1, smdpSignature2);
/// X.509 and TLS use X9.62 DER, <c>ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }</c>.
/// Both directions check 1 &lt;= r, s &lt; n.
/// </summary>
public static class EcdsaSignature
{
    /// <summary>Length of a plain signature r||s on a 256-bit curve.</summary>
    public const int PlainLength = 2 * EcKeys.FieldLength;

    private const string Subject = "ECDSA signature";

    /// <summary>True when <paramref name="plain"/> is 64 bytes and r, s are both in [1, n-1].</summary>
    public static bool IsValidPlain(RspCurve curve, ReadOnlySpan<byte> plain) => PlainProblem(curve, plain) is null;

    /// <summary>Converts a plain r||s signature to X9.62 DER; fails on a wrong length or r, s out of range.</summary>
    public static byte[] ToDer(RspCurve curve, ReadOnlySpan<byte> plain)
    {
        if (PlainProblem(curve, plain) is (EcFormatProblem problem, string detail))
        {
            throw new EcFormatException(Subject, problem, detail);
        }
        BigInteger r = Unsigned(plain[..EcKeys.FieldLength]);
        BigInteger s = Unsigned(plain[EcKeys.FieldLength..]);
        return Der.Encode(w =>
        {
            using (w.PushSequence())
            {
                w.WriteInteger(r);
                w.WriteInteger(s);
            }
        });
    }

    /// <summary>Converts an X9.62 DER signature to plain r||s; fails on malformed DER or r, s out of range.</summary>
    public static byte[] FromDer(RspCurve curve, ReadOnlySpan<byte> der)
    {
        (BigInteger r, BigInteger s) = DecodeDer(der.ToArray());
        BigInteger n = Order(curve);
        if (r <= 0 || r >= n || s <= 0 || s >= n)
        {
            throw new EcFormatException(Subject, EcFormatProblem.OutOfRange, "r and s must be in [1, n-1]");
        }
        var plain = new byte[PlainLength];
        WriteFixed(r, plain.AsSpan(0, EcKeys.FieldLength));
        WriteFixed(s, plain.AsSpan(EcKeys.FieldLength));
        return plain;
    }

    /// <summary>Like <see cref="FromDer"/>, returning false instead of throwing.</summary>
    public static bool TryFromDer(RspCurve curve, ReadOnlySpan<byte> der, out byte[]? plain)
    {
        try
        {
            plain = FromDer(curve, der);
            return true;
        }
        catch (EcFormatException)
        {
            plain = null;
            return false;
        }
    }

    private static (BigInteger R, BigInteger S) DecodeDer(byte[] der)
    {
        try
        {
            return DerReader.Decode(der, "ECDSA-Sig-Value", reader =>
            {
                DerReader seq = reader.ReadConstructed(Tags.Sequence, "ECDSA-Sig-Value");
                BigInteger r = seq.ReadBigInteger(Asn1Tag.Integer, "r");
                BigInteger s = seq.ReadBigInteger(Asn1Tag.Integer, "s");
                seq.End();
                return (r, s);
            });
        }
        catch (Asn1DecodeException e)
        {
            throw new EcFormatException(Subject, EcFormatProblem.Malformed, e.Message, e);
        }
    }

    private static (EcFormatProblem, string)? PlainProblem(RspCurve curve, ReadOnlySpan<byte> plain)
    {
        if (plain.Length != PlainLength)
        {
            return (EcFormatProblem.WrongLength, $"a plain signature r||s is {PlainLength} bytes, got {plain.Length}");
        }
        BigInteger n = Order(curve);
        BigInteger r = Unsigned(plain[..EcKeys.FieldLength]);
        BigInteger s = Unsigned(plain[EcKeys.FieldLength..]);
        if (r.IsZero || r >= n || s.IsZero || s >= n)
        {
            return (EcFormatProblem.OutOfRange, "r and s must be in [1, n-1]");
        }
        return null;
    }

    private static BigInteger Order(RspCurve curve) =>
        new(curve.DomainParameters().N.ToByteArrayUnsigned(), isUnsigned: true, isBigEndian: true);

    private static BigInteger Unsigned(ReadOnlySpan<byte> bytes) => new(bytes, isUnsigned: true, isBigEndian: true);

    private static void WriteFixed(BigInteger value, Span<byte> destination)
    {
        int length = value.GetByteCount(isUnsigned: true);
        destination.Clear();
        value.TryWriteBytes(destination[(destination.Length - length)..], out _, isUnsigned: true, isBigEndian: true);
    }
}
