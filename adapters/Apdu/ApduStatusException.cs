using Conformance.Euicc.Apdu;

namespace Conformance.Adapters.Apdu;

/// <summary>A card answered a status word the client did not expect. Carries the exchange bytes.</summary>
public sealed class ApduStatusException(string step, StatusWord statusWord, byte[] command, byte[] response)
    : Exception($"{step}: the card answered {statusWord} to {Convert.ToHexString(command)}")
{
    /// <summary>What the client was doing ("SELECT ISD-R", "STORE DATA block 2 of 5").</summary>
    public string Step { get; } = step;

    public StatusWord StatusWord { get; } = statusWord;

    /// <summary>The command APDU that got the status word.</summary>
    public byte[] Command { get; } = command;

    /// <summary>The whole response APDU (data, if any, and the status word).</summary>
    public byte[] Response { get; } = response;
}

/// <summary>A response that is not an APDU response at all (e.g. shorter than a status word).</summary>
public sealed class ApduProtocolException(string message) : Exception(message);
