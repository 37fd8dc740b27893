using Conformance.Adapters.Es9Plus;
using Conformance.Adapters.Http;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Steps.Drivers;
using Conformance.Steps.Support;

namespace Conformance.Steps.Tests;

/// <summary>The ES9+ answer checks and rule names: a broken rule fails with the SGP.22 section, a kept one passes.</summary>
public class Es9ChecksTests
{
    private static InitiateAuthenticationOkEs9 Answer(byte tid, byte challenge) =>
        new([tid, 2, 3], new ServerSigned1([tid, 2, 3], new byte[16], "smdp.example.com", Enumerable.Repeat(challenge, 16).ToArray()), new byte[64], new byte[20], []);

    [Test]
    public void TwoSessionsWithTheSameTransactionIdBreakSection561()
    {
        var e = Assert.Throws<AssertionException>(() => Es9AnswerChecks.FreshSessionValues([Answer(1, 7), Answer(1, 8)]));
        Assert.That(e!.Message, Does.StartWith("SGP.22 §5.6.1: transactionId must differ").And.Contain("0x010203 twice"));
    }

    [Test]
    public void TwoSessionsWithTheSameServerChallengeBreakSection561()
    {
        var e = Assert.Throws<AssertionException>(() => Es9AnswerChecks.FreshSessionValues([Answer(1, 7), Answer(2, 7)]));
        Assert.That(e!.Message, Does.StartWith("SGP.22 §5.6.1: serverChallenge must be a new random challenge"));
    }

    [Test]
    public void FreshSessionsPass() => Assert.DoesNotThrow(() => Es9AnswerChecks.FreshSessionValues([Answer(1, 7), Answer(2, 8)]));

    [Test]
    public void ServerSigned1MustEchoTheChallengeAndTheAddress()
    {
        InitiateAuthenticationOkEs9 ok = Answer(1, 7);
        Assert.DoesNotThrow(() => Es9AnswerChecks.ServerSigned1Matches(ok, new byte[16], "SMDP.example.com"), "the address compares case-insensitively");
        var e = Assert.Throws<AssertionException>(() => Es9AnswerChecks.ServerSigned1Matches(ok, Enumerable.Repeat((byte)9, 16).ToArray(), "smdp.example.com"));
        Assert.That(e!.Message, Does.StartWith("SGP.22 §5.6.1: serverSigned1.euiccChallenge"));
    }

    [Test]
    public void AnSmdsAnswerIsCheckedAgainstEs11sSectionAndTheSmdsAddress()
    {
        InitiateAuthenticationOkEs9 ok = Answer(1, 7);
        var e = Assert.Throws<AssertionException>(() => Es9AnswerChecks.ServerSigned1Matches(ok, new byte[16], "smds.example.com", AuthenticatingServer.SmdsEs11));
        Assert.That(e!.Message, Does.StartWith("SGP.22 §5.8.1: serverSigned1.serverAddress must be the SM-DS address 'smds.example.com'"));
        var twice = Assert.Throws<AssertionException>(() => Es9AnswerChecks.FreshSessionValues([Answer(1, 7), Answer(1, 8)], AuthenticatingServer.SmdsEs11));
        Assert.That(twice!.Message, Does.StartWith("SGP.22 §5.8.1: transactionId must differ"));
    }

    [Test]
    public void AnExpectationNamesTheFunctionsSectionAndTheBindingRuleOfAMissingHeader()
    {
        var missing = new RspTransportException(RspTransportFailure.MissingHeader, "answered without the X-Admin-Protocol header.");
        string text = SpecRules.Expectation(FunctionOutcome.Of("ES9+", "AuthenticateClient", missing), "Executed-Success");
        Assert.That(text, Does.StartWith("SGP.22 §5.6.3: AuthenticateClient must answer Executed-Success, but ES9+ AuthenticateClient got no function answer"));
        Assert.That(text, Does.EndWith("(SGP.22 §6.5.1: every response carries the X-Admin-Protocol header)"));
        Assert.That(SpecRules.Of("ES2+", "ConfirmOrder"), Is.EqualTo("SGP.22 §5.3.2"));
    }

    [Test]
    public void EuiccInfo1IsReencodedWithTheChangedVersionOnly()
    {
        var info = new EUICCInfo1(new VersionType(2, 2, 2), [new byte[20]], [new byte[20]]);
        var request = new Es9InitiateAuthenticationRequest(new byte[16], info.Encode(), "smdp.example.com");
        EUICCInfo1 sent = EUICCInfo1.Decode(request.WithEuiccInfo1(i => i with { Svn = new VersionType(2, 3, 0) }).EuiccInfo1);
        Assert.That(sent.Svn, Is.EqualTo(new VersionType(2, 3, 0)));
        Assert.That(sent.EuiccCiPKIdListForSigning.Single(), Is.EqualTo(new byte[20]));
    }
}
