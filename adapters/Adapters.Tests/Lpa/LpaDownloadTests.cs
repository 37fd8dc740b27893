using System.Text.Json;
using Conformance.Adapters.Es9Plus;
using Conformance.Adapters.Lpa;
using Conformance.Adapters.Tests.Es10;
using Conformance.Adapters.Tests.Http;
using Conformance.Adapters.Es10;
using Conformance.Adapters.Http;
using Conformance.Rsp.Asn1.Messages;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Conformance.Adapters.Tests.Lpa;

/// <summary>
/// The first steps of the profile download with a scripted eUICC and a WireMock SM-DP+: each step forwards the
/// previous step's bytes unchanged and keeps the session values.
/// </summary>
public class LpaDownloadTests
{
    private const string Challenge = "000102030405060708090A0B0C0D0E0F";
    private const string Info1 = "BF2009" + "8203020200" + "A900" + "AA00";
    private static readonly byte[] TransactionId = Convert.FromHexString("A1B2C3D4");
    private static readonly byte[] ServerChallenge = Enumerable.Range(50, 16).Select(i => (byte)i).ToArray();

    private static DeviceInfo Device => new(Convert.FromHexString("35290611"), new DeviceCapabilities());

    private static void AnswerInitiateAuthentication(WireMockTarget t, byte[] serverSigned1) =>
        t.Server.Given(Request.Create().WithPath("/gsma/rsp2/es9plus/initiateAuthentication").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithHeader("X-Admin-Protocol", "gsma/rsp/v2.2.0").WithBody(JsonSerializer.Serialize(new
                {
                    header = new { functionExecutionStatus = new { status = "Executed-Success" } },
                    transactionId = Convert.ToHexString(TransactionId),
                    serverSigned1 = Convert.ToBase64String(serverSigned1),
                    serverSignature1 = Convert.ToBase64String([0x5F, 0x37, 0x40, .. new byte[64]]),
                    euiccCiPKIdToBeUsed = Convert.ToBase64String([0x04, 0x01, 0x07]),
                    serverCertificate = Convert.ToBase64String(TestTlsPki.Server.Value.RawData),
                })));

    [Test]
    public async Task ChallengeInfo1InitiateAuthenticationAndAuthenticateServerChainTheirValues()
    {
        var euicc = new ScriptedEs10Handler()
            .On("BF2E", "BF2E128010" + Challenge)
            .On("BF20", Info1)
            .On("BF38", "BF3806" + "A1048002FFFF"); // an authenticateResponseError shape is enough to check the command
        await using Es10Card card = await Es10Card.OpenAsync(euicc);
        using var smdp = new WireMockTarget();
        byte[] signed1 = new ServerSigned1(TransactionId, Convert.FromHexString(Challenge), "testsmdpplus1.example.com", ServerChallenge).Encode();
        AnswerInitiateAuthentication(smdp, signed1);

        var lpa = LpaDownload.FromActivationCode(card.Client, new Es9PlusJsonClient(smdp.Json),
            ActivationCode.Parse("LPA:1$testsmdpplus1.example.com$MATCH-1"), Device);
        await lpa.GetEuiccChallengeAndInfo1Async();
        Es9InitiateAuthenticationRequest request = lpa.BuildInitiateAuthenticationRequest();
        Assert.That(request.EuiccInfo1, Is.EqualTo(Convert.FromHexString(Info1)), "EUICCInfo1 forwarded as the eUICC sent it");
        Assert.That(request.EuiccChallenge, Is.EqualTo(Convert.FromHexString(Challenge)));
        Assert.That(request.SmdpAddress, Is.EqualTo("testsmdpplus1.example.com"));

        Es9Result<InitiateAuthenticationOkEs9> initiated = await lpa.InitiateAuthenticationAsync(request);
        Assert.That(initiated.IsSuccess, Is.True);
        Assert.That(lpa.Session.TransactionId, Is.EqualTo(TransactionId));
        Assert.That(lpa.Session.ServerChallenge, Is.EqualTo(ServerChallenge));

        AuthenticateServerRequest auth = lpa.BuildAuthenticateServerRequest();
        try
        {
            await lpa.AuthenticateServerAsync(auth);
        }
        catch (Es10ResponseException)
        {
            // the scripted answer need not decode: what matters is the command the eUICC got
        }
        AuthenticateServerRequest sent = AuthenticateServerRequest.Decode(euicc.Commands.Last());
        Assert.That(sent.ServerSigned1.SignedData.ToArray(), Is.EqualTo(signed1), "serverSigned1 forwarded byte for byte");
        Assert.That(sent.CtxParams1.CtxParamsForCommonAuthentication!.MatchingId, Is.EqualTo("MATCH-1"));
        Assert.That(sent.CtxParams1.CtxParamsForCommonAuthentication.DeviceInfo.Tac, Is.EqualTo(Convert.FromHexString("35290611")));
    }

    [Test]
    public void AStepWithoutItsPrerequisiteSaysWhatIsMissing()
    {
        var lpa = new LpaDownload(null!, null!, new LpaSession { SmdpAddress = "a.example.com", DeviceInfo = Device });
        var e = Assert.Throws<LpaStepException>(() => lpa.BuildAuthenticateClientRequest())!;
        Assert.That(e.Message, Is.EqualTo("LPA AuthenticateClient: needs the transactionId (InitiateAuthentication), which an earlier step has not produced."));
    }

    [Test]
    public void ARequiredConfirmationCodeThatTheSessionLacksStopsPrepareDownload()
    {
        var ok = new AuthenticateClientOk(TransactionId,
            RawDer.Parse(Convert.FromHexString("BF2500")), new SmdpSigned2(TransactionId, CcRequiredFlag: true), new byte[64], TestTlsPki.Server.Value.RawData);
        var session = new LpaSession { SmdpAddress = "a.example.com", DeviceInfo = Device };
        session.AuthenticateClientResult = new Es9Result<AuthenticateClientOk>
        {
            Function = "AuthenticateClient", Value = ok, Status = FunctionExecutionStatus.Success,
            Exchange = new RecordedExchange { Kind = ExchangeKind.Http, Label = "x", Started = default, Duration = default },
        };
        var lpa = new LpaDownload(null!, null!, session);
        Assert.That(() => lpa.BuildPrepareDownloadRequest(), Throws.TypeOf<LpaStepException>().With.Message.Contains("requires a confirmation code"));

        session.ConfirmationCode = "1234";
        PrepareDownloadRequest r = lpa.BuildPrepareDownloadRequest();
        Assert.That(r.HashCc, Has.Length.EqualTo(32));
        Assert.That(r.SmdpSigned2, Is.SameAs(ok.SmdpSigned2));
    }
}
