using Conformance.Adapters.Es9Plus;

namespace Conformance.Adapters.Tests.Es9Plus;

/// <summary>What the harness accepts as a base64 field of an ES9+ answer (SGP.22 §6.5.1: RFC 4648 base64, padded).</summary>
public class StrictBase64Tests
{
    [TestCase("QUJD")]
    [TestCase("QUI=")]
    [TestCase("QQ==")]
    [TestCase("+/+/")]
    [TestCase("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void PaddedRfc4648Base64IsAccepted(string s) => Assert.That(Es9ResponseFields.IsStrictBase64(s), Is.True);

    [TestCase("", TestName = "{m}(empty)")]
    [TestCase("QUJ", TestName = "{m}(length not a multiple of 4)")]
    [TestCase("QQ", TestName = "{m}(padding missing)")]
    [TestCase("QU J", TestName = "{m}(space)")]
    [TestCase("QUJD\nQUJD", TestName = "{m}(line break)")]
    [TestCase("QU=D", TestName = "{m}(padding inside)")]
    [TestCase("Q===", TestName = "{m}(three padding characters)")]
    [TestCase("====", TestName = "{m}(padding only)")]
    [TestCase("QUJ-", TestName = "{m}(base64url minus)")]
    [TestCase("QUJ_", TestName = "{m}(base64url underscore)")]
    [TestCase("QUJé", TestName = "{m}(non-ASCII letter)")]
    [TestCase("QUJD٣٣٣٣", TestName = "{m}(non-ASCII digit)")]
    public void AnythingElseIsRefused(string s) => Assert.That(Es9ResponseFields.IsStrictBase64(s), Is.False);
}
