using Conformance.Adapters.Lpa;

namespace Conformance.Adapters.Tests.Lpa;

/// <summary>Activation codes of SGP.22 §4.1: AC_Format "$" SM-DP+ Address "$" AC_Token ["$" SM-DP+ OID ["$" CC flag]].</summary>
public class ActivationCodeTests
{
    [TestCase("LPA:1$SMDP.GSMA.COM$04386-AGYFT-A74Y8-3F815", "SMDP.GSMA.COM", "04386-AGYFT-A74Y8-3F815", null, false)]
    [TestCase("1$smdp.example.com$04386-AGYFT-A74Y8-3F815", "smdp.example.com", "04386-AGYFT-A74Y8-3F815", null, false)]
    [TestCase("LPA:1$SMDP.GSMA.COM$04386-AGYFT-A74Y8-3F815$1.3.6.1.4.1.31746", "SMDP.GSMA.COM", "04386-AGYFT-A74Y8-3F815", "1.3.6.1.4.1.31746", false)]
    [TestCase("LPA:1$SMDP.GSMA.COM$04386-AGYFT-A74Y8-3F815$1.3.6.1.4.1.31746$1", "SMDP.GSMA.COM", "04386-AGYFT-A74Y8-3F815", "1.3.6.1.4.1.31746", true)]
    [TestCase("LPA:1$SMDP.GSMA.COM$04386-AGYFT-A74Y8-3F815$$1", "SMDP.GSMA.COM", "04386-AGYFT-A74Y8-3F815", null, true)]
    [TestCase("LPA:1$testsmdpplus1.example.com:8443$ABC-1", "testsmdpplus1.example.com:8443", "ABC-1", null, false)]
    [TestCase("LPA:1$testsmdpplus1.example.com$", "testsmdpplus1.example.com", "", null, false)]
    public void ValidCodesParse(string text, string address, string matchingId, string? oid, bool cc)
    {
        ActivationCode code = ActivationCode.Parse(text);
        Assert.That(code.SmdpAddress, Is.EqualTo(address));
        Assert.That(code.MatchingId, Is.EqualTo(matchingId));
        Assert.That(code.SmdpOid, Is.EqualTo(oid));
        Assert.That(code.ConfirmationCodeRequired, Is.EqualTo(cc));
    }

    [TestCase("1$smdp.example.com$TOKEN")]
    [TestCase("1$smdp.example.com$TOKEN$1.2.3")]
    [TestCase("1$smdp.example.com$TOKEN$$1")]
    public void ToStringGivesTheCodeBack(string text) => Assert.That(ActivationCode.Parse(text).ToString(), Is.EqualTo(text));

    [TestCase("LPA:2$smdp.example.com$TOKEN", "AC_Format")]
    [TestCase("LPA:$smdp.example.com$TOKEN", "AC_Format")]
    [TestCase("LPA:1$smdp.example.com", "at least AC_Format, SM-DP+ address and AC_Token")]
    [TestCase("LPA:1", "at least")]
    [TestCase("", "at least")]
    [TestCase("LPA:1$$TOKEN", "SM-DP+ address of the activation code is empty")]
    [TestCase("LPA:1$smdp example.com$TOKEN", "is not a host name")]
    [TestCase("LPA:1$smdp.example.com/path$TOKEN", "is not a host name")]
    [TestCase("LPA:1$user@smdp.example.com$TOKEN", "is not a host name")]
    [TestCase("LPA:1$smdp.example.com$token-lower", "contains 't'")]
    [TestCase("LPA:1$smdp.example.com$TOK EN", "contains ' '")]
    [TestCase("LPA:1$smdp.example.com$TOKEN$not-an-oid", "is not an object identifier")]
    [TestCase("LPA:1$smdp.example.com$TOKEN$1..2", "is not an object identifier")]
    [TestCase("LPA:1$smdp.example.com$TOKEN$1.2$0", "Confirmation Code Required Flag is '0'")]
    [TestCase("LPA:1$smdp.example.com$TOKEN$1.2$", "Confirmation Code Required Flag is ''")]
    [TestCase("LPA:1$smdp.example.com$TOKEN$1.2$1$X", "at most 5")]
    [TestCase("lpa:1$smdp.example.com$TOKEN", "AC_Format")]
    public void MalformedCodesFailWithOneSentence(string text, string expected)
    {
        var e = Assert.Throws<ActivationCodeException>(() => ActivationCode.Parse(text))!;
        Assert.That(e.Message, Does.Contain(expected));
        Assert.That(e.Message, Does.EndWith("."));
        Assert.That(ActivationCode.TryParse(text, out ActivationCode? code), Is.False);
        Assert.That(code, Is.Null);
    }

    [Test]
    public void LongerThan255CharactersIsRefused()
    {
        string text = "1$smdp.example.com$" + new string('A', 240);
        Assert.That(() => ActivationCode.Parse(text), Throws.TypeOf<ActivationCodeException>().With.Message.Contains("more than the 255"));
        Assert.That(() => ActivationCode.Parse("1$smdp.example.com$" + new string('A', 236)), Throws.Nothing);
    }
}
