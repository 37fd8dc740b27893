using Conformance.Euicc.Apdu;

namespace Conformance.Adapters.Es10;

/// <summary>An ES10 function could not be completed. Carries the function and the command bytes sent.</summary>
public abstract class Es10Exception(string function, byte[] command, string message, Exception? inner)
    : Exception(message, inner)
{
    /// <summary>"ES10b GetEUICCChallenge".</summary>
    public string Function { get; } = function;

    /// <summary>The ES10 command DER that was sent.</summary>
    public byte[] Command { get; } = command;
}

/// <summary>The eUICC answered bytes that are not the response type SGP.22 defines (strict DER decoding failed).</summary>
public sealed class Es10ResponseException(string function, byte[] command, byte[] response, string typeName, Rsp.Asn1.Asn1DecodeException inner)
    : Es10Exception(function, command, $"{function}: the eUICC's response is not a valid {typeName}: {inner.Message}.", inner)
{
    /// <summary>The response bytes exactly as received.</summary>
    public byte[] Response { get; } = response;

    /// <summary>The SGP.22 type the response should have been.</summary>
    public string TypeName { get; } = typeName;

    /// <summary>The decoder's finding (type, offset, problem).</summary>
    public Rsp.Asn1.Asn1DecodeException DecodeError { get; } = inner;
}

/// <summary>The eUICC answered an error status word to a command APDU of the function.</summary>
public sealed class Es10StatusWordException(string function, byte[] command, Apdu.ApduStatusException inner)
    : Es10Exception(function, command, $"{function}: the eUICC answered status word {inner.StatusWord} at {inner.Step}.", inner)
{
    public StatusWord StatusWord { get; } = inner.StatusWord;

    /// <summary>The command APDU and the whole response APDU that carried the status word.</summary>
    public byte[] CommandApdu { get; } = inner.Command;

    public byte[] ResponseApdu { get; } = inner.Response;
}

/// <summary>The function did not complete within the configured time.</summary>
public sealed class Es10TimeoutException(string function, byte[] command, TimeSpan timeout, Exception inner)
    : Es10Exception(function, command, $"{function}: the eUICC gave no complete answer within {timeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} s.", inner)
{
    public TimeSpan Timeout { get; } = timeout;
}

/// <summary>The exchange broke the APDU or ES10 protocol (no status word, data before the last block, no result at the end).</summary>
public sealed class Es10ProtocolException(string function, byte[] command, string problem, Exception? inner = null)
    : Es10Exception(function, command, $"{function}: {problem.TrimEnd('.')}.", inner);
