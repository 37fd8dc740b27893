using System.Globalization;
using Conformance.Adapters.Es9Plus;
using Conformance.Adapters.Http;
using Conformance.Steps.Drivers;
using Conformance.Steps.Support;

namespace Conformance.Steps.StepDefinitions;

/// <summary>
/// ES9+ over the ASN.1 binding (SGP.22 v2.5 §6.6, scenarios tagged @asn1): the answer of each function is its own
/// alternative of RemoteProfileProvisioningResponse, the Ok one or the error INTEGER of the failure; a request that is
/// no RemoteProfileProvisioningRequest has no function to answer it and is refused at the HTTP level.
/// </summary>
[Binding]
public sealed class Asn1BindingSteps(Es9Driver es9, BppDriver bpp, ActionAttempt attempt, HarnessRun run)
{
    private RspHttpResponse? _refusal;
    private RspTransportException? _noAnswer;

    [Then(@"^the SM-DP\+ answers (initiateAuthenticationOk|authenticateClientOk|getBoundProfilePackageOk|cancelSessionOk)$")]
    public void AnswersOk(string alternative) => Asn1BindingChecks.AnsweredOk(Last(), alternative);

    [Then(@"^the SM-DP\+ answers (initiateAuthenticationError|authenticateClientError|getBoundProfilePackageError|cancelSessionError) (\w+)\((\d+)\)$")]
    public void AnswersError(string alternative, string name, int value) => Asn1BindingChecks.AnsweredError(Last(), alternative, name, value);

    [When(@"^the LPA calls GetBoundProfilePackage again while the SM-DP\+ answers getBoundProfilePackageError (\w+)\((\d+)\), at most (\d+) times$")]
    public async Task Again(string name, int value, int times)
    {
        _ = Asn1BindingChecks.ErrorName("GetBoundProfilePackage", value) == name ? name
            : throw new InvalidOperationException($"SGP.22 gives getBoundProfilePackageError {value} another name than {name}");
        FunctionOutcome outcome = await bpp.GetBoundProfilePackageAsync();
        for (int i = 1; i < times && outcome.AsnBindingErrorCode == value; i++)
        {
            outcome = await bpp.GetBoundProfilePackageAsync();
        }
    }

    [Then(@"^a new GetBoundProfilePackage for the cancelled session is refused with getBoundProfilePackageError (\w+)\((\d+)\)$")]
    public async Task SessionGone(string name, int value)
    {
        await es9.CallAsync("GetBoundProfilePackage", l => es9.Smdp.GetBoundProfilePackageAsync(l.BuildGetBoundProfilePackageRequest()));
        Asn1BindingChecks.AnsweredError(Last(), "getBoundProfilePackageError", name, value);
    }

    [When(@"^the LPA posts to the ASN\.1 binding (a body that is not DER|an InitiateAuthenticationRequest cut short)$")]
    public async Task PostMalformed(string what)
    {
        byte[] body = "this is no RemoteProfileProvisioningRequest"u8.ToArray();
        if (what != "a body that is not DER")
        {
            await es9.RunUntilAsync(DownloadStep.GetEuiccChallenge);
            byte[] der = Es9PlusAsn1Client.InitiateAuthenticationDer(es9.Download.BuildInitiateAuthenticationRequest());
            body = der[..^8];
        }
        KeyValuePair<string, string>[] headers = [new(RspMediaTypes.AdminProtocolHeader, run.Config.AdminProtocol), new("User-Agent", RspMediaTypes.LpaUserAgent)];
        try
        {
            _refusal = await es9.Transport.PostAsync(Es9PlusAsn1Client.Path, body, RspMediaTypes.Asn1, headers, "ES9+ malformed request (ASN.1 binding)", CancellationToken.None);
        }
        catch (RspTransportException e)
        {
            _noAnswer = e;
        }
    }

    [Then(@"^the SM-DP\+ refuses the request with an HTTP client error status$")]
    public void RefusedAsClientError()
    {
        // SGP.22 §6.6: every RemoteProfileProvisioningResponse alternative answers a function of a RemoteProfileProvisioningRequest;
        // a body that is none has no function and no alternative to answer it: an HTTP client error status (RFC 9110 §15.5), never a
        // function answer (200), never a server error (5xx).
        const string rule = "SGP.22 §6.6: a request that is no RemoteProfileProvisioningRequest has no function to answer it and is refused with an HTTP client error status (4xx)";
        if (_noAnswer is not null)
        {
            Assert.Fail($"{rule}, but no answer came: {_noAnswer.Message}");
        }
        RspHttpResponse r = _refusal ?? throw new InvalidOperationException("no malformed request was posted before this Then step");
        int status = (int)r.StatusCode;
        if (status is < 400 or >= 500)
        {
            Assert.Fail($"{rule}, but {r.Exchange.Url} answered HTTP {status.ToString(CultureInfo.InvariantCulture)} ({r.ContentType ?? "no Content-Type"}, {r.Body.Length} bytes)");
        }
    }

    private FunctionOutcome Last() => es9.Binding == Es9Binding.Asn1 ? attempt.Last
        : throw new InvalidOperationException("an answer of the ASN.1 binding is looked at in a scenario that is not tagged @asn1");
}
