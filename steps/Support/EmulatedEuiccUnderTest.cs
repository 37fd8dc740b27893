using Conformance.Adapters.Apdu;
using Conformance.Euicc.Apdu;
using Conformance.Euicc.Card;
using Conformance.Euicc.Es10;
using Conformance.Euicc.Faults;

namespace Conformance.Steps.Support;

/// <summary>
/// The emulated eUICC of a scenario: a fresh in-process <see cref="Es10Handler"/> (state in memory, so a reset
/// keeps it as a card's non-volatile memory would) with the eUICC identity of the run's PKI on every curve it
/// holds, the run's named defects (<see cref="TargetConfig.EuiccDefects"/>) switched on, reached through the
/// ISD-R APDU front end like a card in a reader.
/// </summary>
public sealed class EmulatedEuiccUnderTest : IEuiccUnderTest
{
    private readonly InProcessApduTransport _transport;

    private EmulatedEuiccUnderTest(Es10Handler handler, byte[] isdrAid, IReadOnlySet<EuiccDefect> defects)
    {
        InProcess = handler;
        // The emulator answers the ISD-R AID the run selects (--isdr-aid), as a card with another AID would.
        _transport = new InProcessApduTransport(new IsdrFrontEnd(handler, new IsdrOptions { IsdrAid = isdrAid, Defects = defects }));
    }

    public string Description => "in-process emulated eUICC";

    public IApduTransport Transport => _transport;

    public Es10Handler InProcess { get; }

    /// <summary>A new card for one scenario.</summary>
    public static EmulatedEuiccUnderTest Create(HarnessRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var options = new EuiccOptions
        {
            Faults = new EuiccFaultOptions { Defects = run.Config.EuiccDefects },
        };
        return new EmulatedEuiccUnderTest(new Es10Handler(EuiccIdentity.FromPki(run.Pki), options), run.Config.Isdr.IsdrAid, run.Config.EuiccDefects);
    }

    public async ValueTask DisposeAsync()
    {
        await _transport.DisposeAsync().ConfigureAwait(false);
        InProcess.Dispose();
    }
}
