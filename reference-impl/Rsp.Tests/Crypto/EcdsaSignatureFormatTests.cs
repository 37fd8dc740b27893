using Conformance.Rsp.Crypto;
using static Conformance.Rsp.Tests.Crypto.KnownKeys;

namespace Conformance.Rsp.Tests.Crypto;

public class EcdsaSignatureFormatTests
{
    // The RFC 6979 "sample" signature in X9.62 DER, as ring's ECDSA verify tests carry it.
    private const string SampleDer = "3046022100EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716"
        + "022100F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8";

    private const string NistN = "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551";
    private const string BrainpoolN = "A9FB57DBA1EEA9BC3E660A909D838D718C397AA3B561A6F7901E0E82974856A7";

    [Test]
    public void PlainToDerAndBack()
    {
        byte[] plain = Hex(Rfc6979SampleR + Rfc6979SampleS);
        Assert.That(Convert.ToHexString(EcdsaSignature.ToDer(RspCurve.NistP256, plain)), Is.EqualTo(SampleDer));
        Assert.That(EcdsaSignature.FromDer(RspCurve.NistP256, Hex(SampleDer)), Is.EqualTo(plain));
    }

    [Test]
    public void SmallIntegersArePaddedToThirtyTwoBytes()
    {
        // SEQUENCE { INTEGER 1, INTEGER 0x0100 }
        byte[] plain = EcdsaSignature.FromDer(RspCurve.BrainpoolP256r1, Hex("30070201010202 0100"));
        Assert.That(Convert.ToHexString(plain), Is.EqualTo(new string('0', 62) + "01" + new string('0', 60) + "0100"));
        Assert.That(Convert.ToHexString(EcdsaSignature.ToDer(RspCurve.BrainpoolP256r1, plain)), Is.EqualTo("3007020101020201" + "00"));
    }

    [TestCase("3046022100EFD4", EcFormatProblem.Malformed, TestName = "truncated")]
    [TestCase(SampleDer + "00", EcFormatProblem.Malformed, TestName = "trailing byte")]
    [TestCase("3106020101020101", EcFormatProblem.Malformed, TestName = "SET instead of SEQUENCE")]
    [TestCase("300702020001020101", EcFormatProblem.Malformed, TestName = "non-minimal INTEGER")]
    [TestCase("3009020101020101020101", EcFormatProblem.Malformed, TestName = "three INTEGERs")]
    [TestCase("30030201 01", EcFormatProblem.Malformed, TestName = "one INTEGER")]
    [TestCase("3006020100020101", EcFormatProblem.OutOfRange, TestName = "r zero")]
    [TestCase("30060201FF020101", EcFormatProblem.OutOfRange, TestName = "r negative")]
    [TestCase("3026020101022100" + NistN, EcFormatProblem.OutOfRange, TestName = "s equals n")]
    public void StrictDerDecoding(string der, EcFormatProblem problem)
    {
        var e = Assert.Throws<EcFormatException>(() => EcdsaSignature.FromDer(RspCurve.NistP256, Hex(der)))!;
        Assert.That(e.Problem, Is.EqualTo(problem));
        Assert.That(EcdsaSignature.TryFromDer(RspCurve.NistP256, Hex(der), out byte[]? plain), Is.False);
        Assert.That(plain, Is.Null);
    }

    [Test]
    public void SEqualToNIsOutOfRangeOnlyForItsOwnCurve()
    {
        // n of brainpoolP256r1 (RFC 5639 §3.4) is below n of P-256, so the same value is a valid s there.
        string der = "3026020101022100" + BrainpoolN;
        Assert.That(EcdsaSignature.TryFromDer(RspCurve.BrainpoolP256r1, Hex(der), out _), Is.False);
        Assert.That(EcdsaSignature.TryFromDer(RspCurve.NistP256, Hex(der), out _), Is.True);
    }

    [TestCase(63, TestName = "63 bytes")]
    [TestCase(65, TestName = "65 bytes")]
    public void PlainOfWrongLengthIsRefused(int length)
    {
        var plain = new byte[length];
        plain[31] = 1;
        plain[^1] = 1;
        var e = Assert.Throws<EcFormatException>(() => EcdsaSignature.ToDer(RspCurve.NistP256, plain))!;
        Assert.That(e.Problem, Is.EqualTo(EcFormatProblem.WrongLength));
        Assert.That(EcdsaSignature.IsValidPlain(RspCurve.NistP256, plain), Is.False);
    }

    [TestCase("0000000000000000000000000000000000000000000000000000000000000000" + Rfc6979SampleS, TestName = "r zero")]
    [TestCase(Rfc6979SampleR + NistN, TestName = "s equals n")]
    [TestCase(NistN + Rfc6979SampleS, TestName = "r equals n")]
    public void PlainOutOfRangeIsRefused(string plain)
    {
        var e = Assert.Throws<EcFormatException>(() => EcdsaSignature.ToDer(RspCurve.NistP256, Hex(plain)))!;
        Assert.That(e.Problem, Is.EqualTo(EcFormatProblem.OutOfRange));
    }
}
