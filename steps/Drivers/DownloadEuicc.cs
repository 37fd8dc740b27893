using Conformance.Adapters.Apdu;
using Conformance.Adapters.Es10;
using Conformance.Adapters.Http;
using Conformance.Euicc.Apdu;
using Conformance.Euicc.Card;
using Conformance.Euicc.Es10;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;

namespace Conformance.Steps.Drivers;

/// <summary>
/// The eUICC the harness plays when an SM-DP+ is under test: the reference emulated eUICC (EuiccCard behind
/// the ISD-R APDU front end, in process) personalised with the run's PKI for one curve only, so that the CI
/// the SM-DP+ must pick is the one of the scenario. ES10 goes through <see cref="Es10Client"/> like with a card.
/// </summary>
public sealed class DownloadEuicc : IAsyncDisposable
{
    private readonly Es10Handler _handler;
    private readonly InProcessApduTransport _transport;

    private DownloadEuicc(Es10Handler handler, InProcessApduTransport transport, Es10Client es10, CurvePki pki, ExchangeRecorder recorder)
    {
        _handler = handler;
        _transport = transport;
        Es10 = es10;
        Pki = pki;
        Recorder = recorder;
    }

    /// <summary>ES10 to the card (recorded in <see cref="Recorder"/>).</summary>
    public Es10Client Es10 { get; }

    /// <summary>The credentials of the scenario's curve: CI, EUM, eUICC certificate and key, negative variants.</summary>
    public CurvePki Pki { get; }

    public RspCurve Curve => Pki.Curve;

    /// <summary>The EID of the card (from CERT.EUICC.ECDSA).</summary>
    public string Eid => _handler.Eid;

    /// <summary>otSK/otPK.EUICC.ECKA of the card's last PrepareDownload (read-only; BPP verification derives the session keys from it).</summary>
    public Rsp.Crypto.OneTimeKeyPair? OneTimeKey => _handler.EuiccOneTimeKey;

    /// <summary>The card's options (faults, svn) as it was started.</summary>
    public EuiccOptions Options => _handler.Options;

    /// <summary>Every ES10 and APDU exchange with the card.</summary>
    public ExchangeRecorder Recorder { get; }

    /// <summary>A fresh card (empty state, in memory) holding the credentials of <paramref name="curve"/> only.</summary>
    public static async Task<DownloadEuicc> StartAsync(TestPki pki, RspCurve curve, EuiccOptions options)
    {
        ArgumentNullException.ThrowIfNull(pki);
        CurvePki mine = pki.Curves.FirstOrDefault(c => c.Curve == curve)
            ?? throw new InvalidOperationException($"the run's PKI has no {curve.ShortName()} credentials (setting pki)");
        var handler = new Es10Handler(EuiccIdentity.FromPki(new TestPki([mine], pki.Operator)), options, stateDirectory: null);
        var transport = new InProcessApduTransport(new IsdrFrontEnd(handler));
        var recorder = new ExchangeRecorder();
        try
        {
            Es10Client es10 = await Es10Client.OpenAsync(transport, recorder).ConfigureAwait(false);
            return new DownloadEuicc(handler, transport, es10, mine, recorder);
        }
        catch
        {
            await transport.DisposeAsync().ConfigureAwait(false);
            handler.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Es10.Session.DisposeAsync().ConfigureAwait(false);
        await _transport.DisposeAsync().ConfigureAwait(false);
        _handler.Dispose();
    }
}
