using Conformance.Adapters.Es10;
using Conformance.Adapters.Es11;
using Conformance.Adapters.Es9Plus;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Steps.Support;

namespace Conformance.Steps.Drivers;

/// <summary>ES11 of <see cref="SmdsDriver"/>: the LPA retrieving the eUICC's events (SGP.22 v2.5 §3.6.2, §5.8).</summary>
public sealed partial class SmdsDriver
{
    /// <summary>The InitiateAuthentication request sent last.</summary>
    public Es11InitiateAuthenticationRequest? LastInitiateAuthenticationRequest { get; private set; }

    public Es9Result<InitiateAuthenticationOkEs9>? LastInitiateAuthentication { get; private set; }

    /// <summary>Every successful InitiateAuthentication answer of the scenario, in order.</summary>
    public List<InitiateAuthenticationOkEs9> InitiateAuthentications { get; } = [];

    /// <summary>The eUICC's AuthenticateServerResponse (DER) for the last session, or null.</summary>
    public byte[]? AuthenticateServerResponse { get; private set; }

    public Es9Result<Es11EventList>? LastAuthenticateClient { get; private set; }

    /// <summary>ES11.InitiateAuthentication with a fresh euiccChallenge and EUICCInfo1 of the eUICC and the run's SM-DS address, changed by <paramref name="alter"/>.</summary>
    public async Task<FunctionOutcome> InitiateAuthenticationAsync(Func<Es11InitiateAuthenticationRequest, Es11InitiateAuthenticationRequest>? alter = null)
    {
        Es10Client es10 = (await es9.EuiccAsync().ConfigureAwait(false)).Es10;
        (byte[] challenge, byte[] info1) = await es9.Es10Async("GetEUICCChallenge and GetEUICCInfo", async () =>
            ((await es10.GetEuiccChallengeAsync().ConfigureAwait(false)).Value.EuiccChallenge,
             (await es10.GetEuiccInfo1Async().ConfigureAwait(false)).Raw)).ConfigureAwait(false);
        var request = new Es11InitiateAuthenticationRequest(challenge, info1, Smds.Address);
        LastInitiateAuthenticationRequest = request = alter?.Invoke(request) ?? request;
        AuthenticateServerResponse = null;
        return await attempt.PerformAsync("ES11", "InitiateAuthentication", async () =>
        {
            Es9Result<InitiateAuthenticationOkEs9> r = await Es11.InitiateAuthenticationAsync(request).ConfigureAwait(false);
            LastInitiateAuthentication = r;
            if (r.Value is { } ok)
            {
                InitiateAuthentications.Add(ok);
            }

            return FunctionOutcome.Of(r) with { Interface = "ES11" };
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// The eUICC authenticates the SM-DS (ES10b.AuthenticateServer, SGP.22 §5.7.13) with ctxParams1 for event retrieval:
    /// ctxParamsForCommonAuthentication without a MatchingID (§3.6.2); the eUICC must accept (a precondition).
    /// </summary>
    public async Task AuthenticateServerAsync()
    {
        InitiateAuthenticationOkEs9 ok = LastInitiateAuthentication?.Value
            ?? throw new InvalidOperationException("no successful ES11 InitiateAuthentication before AuthenticateServer");
        Es10Client es10 = (await es9.EuiccAsync().ConfigureAwait(false)).Es10;
        var request = new AuthenticateServerRequest(ok.ServerSigned1, ok.ServerSignature1, ok.EuiccCiPKIdToBeUsed, ok.ServerCertificate,
            CtxParams1.Common(new CtxParamsForCommonAuthentication(null, es9.DeviceInfo)));
        Es10Response<AuthenticateServerResponse> r = await es9.Es10Async("AuthenticateServer", () => es10.AuthenticateServerAsync(request)).ConfigureAwait(false);
        Assert.That(r.Value.AuthenticateResponseError, Is.Null,
            $"precondition 'ES10b AuthenticateServer' not met: the eUICC refused the SM-DS with authenticateErrorCode {r.Value.AuthenticateResponseError?.AuthenticateErrorCode}");
        AuthenticateServerResponse = r.Raw;
    }

    /// <summary>Opens a session: InitiateAuthentication (must succeed) and AuthenticateServer.</summary>
    public async Task AuthenticateTheSmdsAsync()
    {
        Require(await InitiateAuthenticationAsync().ConfigureAwait(false));
        await AuthenticateServerAsync().ConfigureAwait(false);
    }

    /// <summary>ES11.AuthenticateClient with the session's transactionId and the eUICC's answer, changed by <paramref name="alter"/>.</summary>
    public Task<FunctionOutcome> AuthenticateClientAsync(Func<Es11AuthenticateClientRequest, Es11AuthenticateClientRequest>? alter = null)
    {
        byte[] tid = LastInitiateAuthentication?.Value?.TransactionId
            ?? throw new InvalidOperationException("no successful ES11 InitiateAuthentication before AuthenticateClient");
        var request = new Es11AuthenticateClientRequest(tid, AuthenticateServerResponse
            ?? throw new InvalidOperationException("the eUICC has not authenticated the SM-DS (AuthenticateServer) before AuthenticateClient"));
        request = alter?.Invoke(request) ?? request;
        return attempt.PerformAsync("ES11", "AuthenticateClient", async () =>
        {
            Es9Result<Es11EventList> r = await Es11.AuthenticateClientAsync(request).ConfigureAwait(false);
            LastAuthenticateClient = r;
            return FunctionOutcome.Of(r) with { Interface = "ES11" };
        });
    }

    /// <summary>The whole event retrieval (SGP.22 §3.6.2): the event records the SM-DS answers for the eUICC; each call must succeed.</summary>
    public async Task<IReadOnlyList<Es11EventEntry>> RetrieveEventsAsync()
    {
        await AuthenticateTheSmdsAsync().ConfigureAwait(false);
        Require(await AuthenticateClientAsync().ConfigureAwait(false));
        return LastAuthenticateClient!.Value!.EventEntries;
    }

    /// <summary>The event entries of the last successful AuthenticateClient.</summary>
    public IReadOnlyList<Es11EventEntry> EventEntries => LastAuthenticateClient?.Value?.EventEntries
        ?? throw new InvalidOperationException($"ES11 AuthenticateClient did not succeed: {attempt.Last}");

    private static void Require(FunctionOutcome outcome) => SmdsDriverChecks.Require(outcome);
}
