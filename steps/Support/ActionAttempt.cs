using System.Net;
using Conformance.Adapters.Es2Plus;
using Conformance.Adapters.Http;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Steps.Support;

/// <summary>
/// The last spec function a scenario performed and what it came to (scenario-scoped). When steps call
/// <c>PerformAsync</c>; Then steps judge it with <see cref="ShouldSucceed"/> or
/// <see cref="ShouldFailWith(StatusCode)"/>. Errors the SUT can cause (no answer, not a function answer)
/// are kept as the outcome; anything else is a harness error and propagates.
/// </summary>
public sealed class ActionAttempt
{
    private FunctionOutcome? _last;

    public FunctionOutcome Last => _last ?? throw new InvalidOperationException("no spec function was called before this Then step");

    public async Task<FunctionOutcome> PerformAsync(Func<Task<FunctionOutcome>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            _last = await action().ConfigureAwait(false);
        }
        catch (Es2PlusException e)
        {
            _last = FunctionOutcome.Of(e);
        }

        return _last;
    }

    /// <summary>
    /// Performs an ES9+ (or any RspHttpTransport) call: a transport or binding fault is the SUT's outcome,
    /// recorded against <paramref name="interface"/> <paramref name="function"/>.
    /// </summary>
    public async Task<FunctionOutcome> PerformAsync(string @interface, string function, Func<Task<FunctionOutcome>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            _last = await action().ConfigureAwait(false);
        }
        catch (RspTransportException e)
        {
            _last = FunctionOutcome.Of(@interface, function, e);
        }

        return _last;
    }

    /// <summary>Records an outcome obtained elsewhere (a driver that ran the call itself).</summary>
    public void Record(FunctionOutcome outcome) => _last = outcome ?? throw new ArgumentNullException(nameof(outcome));

    /// <summary>Executed-Success (or, when allowed, Executed-WithWarning).</summary>
    public void ShouldSucceed(bool warningAllowed = false)
    {
        FunctionOutcome o = Last;
        bool ok = o.Status == FunctionExecutionStatusValues.ExecutedSuccess ||
            (warningAllowed && o.Status == FunctionExecutionStatusValues.ExecutedWithWarning);
        Require(ok, $"expected {o.Function} to answer Executed-Success, but {o}");
    }

    public void ShouldFailWith(StatusCode expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ShouldFailWith(expected.SubjectCode, expected.ReasonCode);
    }

    /// <summary>Failed with exactly this subject code and reason code (SGP.22 §5.2.6).</summary>
    public void ShouldFailWith(string subjectCode, string reasonCode)
    {
        FunctionOutcome o = Last;
        Require(o.Status == FunctionExecutionStatusValues.Failed && o.SubjectCode == subjectCode && o.ReasonCode == reasonCode,
            $"expected {o.Function} to answer Failed {subjectCode} / {reasonCode}, but {o}");
    }

    /// <summary>
    /// Refused for the caller's identity: the TLS handshake or HTTP layer refused it (no function answer,
    /// HTTP 401/403), or the function answered Failed against the Function Requester (subject 1.1).
    /// </summary>
    public void ShouldBeRefusedAsUnauthenticated()
    {
        FunctionOutcome o = Last;
        bool refused = o.Error switch
        {
            Es2PlusTransportException => true,
            Es2PlusProtocolException p => p.StatusCode is 401 or 403 or 495 or 496,
            RspTransportException { Kind: RspTransportFailure.TlsFailure } => true,
            RspTransportException t => t.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden,
            _ => o.Status == FunctionExecutionStatusValues.Failed && o.SubjectCode == SubjectCodes.FunctionRequester,
        };
        Require(refused, $"expected {o.Function} to be refused for the caller's certificate (TLS refusal, HTTP 401/403 or Failed 1.1 / x), but {o}");
    }

    /// <summary>A non-conformance of the SUT: an assertion failure carrying just the sentence.</summary>
    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            Assert.Fail(message);
        }
    }
}
