using Conformance.Adapters.Apdu;
using Conformance.Euicc.Es10;

namespace Conformance.Steps.Support;

/// <summary>
/// The eUICC of the eUICC scenarios (SGP.23 §4.2): the emulator in this process, or a card in a PC/SC reader
/// (a real test card, or the emulator attached to pcsc-lite as a virtual card). Every ES10 byte goes through
/// <see cref="Transport"/>, so the same scenarios and the same <c>Es10Client</c> run against either.
/// </summary>
public interface IEuiccUnderTest : IAsyncDisposable
{
    /// <summary>For messages and the report: "in-process emulated eUICC", "PC/SC reader 'Virtual PCD 00 00'".</summary>
    string Description { get; }

    /// <summary>The only way to the card.</summary>
    IApduTransport Transport { get; }

    /// <summary>
    /// The emulator's handler when the harness runs it in this process (fresh per scenario; faults and defects
    /// set there); null when the card is outside the process, whose state persists between scenarios.
    /// </summary>
    Es10Handler? InProcess { get; }
}
