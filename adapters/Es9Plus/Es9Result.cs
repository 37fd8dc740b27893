using Conformance.Adapters.Http;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Adapters.Es9Plus;

/// <summary>The output of a function with no output data (HandleNotification, CancelSession).</summary>
public sealed record Es9NoContent
{
    public static Es9NoContent Instance { get; } = new();
}

/// <summary>
/// The result of one ES9+ call: either the success payload (<see cref="Value"/>, decoded strictly into the
/// records of Conformance.Rsp.Asn1.Messages) or the failure the SM-DP+ reported: the JSON binding's
/// functionExecutionStatus, or the ASN.1 binding's error alternative.
/// </summary>
public sealed record Es9Result<T> where T : class
{
    /// <summary>The ES9+ function ("InitiateAuthentication").</summary>
    public required string Function { get; init; }

    /// <summary>The payload when the function executed; null when it failed.</summary>
    public T? Value { get; init; }

    /// <summary>
    /// header.functionExecutionStatus (JSON binding). For the ASN.1 binding: Executed-Success, or Failed with
    /// no status code data when the error alternative came (see <see cref="AsnBindingError"/>).
    /// </summary>
    public required FunctionExecutionStatus Status { get; init; }

    /// <summary>The ASN.1 binding's error INTEGER (e.g. initiateAuthenticationError), when that alternative came.</summary>
    public int? AsnBindingError { get; init; }

    /// <summary>The name of <see cref="AsnBindingError"/> in its SGP.22 enumeration ("invalidDpAddress").</summary>
    public string? AsnBindingErrorName { get; init; }

    /// <summary>The HTTP exchange, as recorded.</summary>
    public required RecordedExchange Exchange { get; init; }

    public bool IsSuccess => Value is not null;

    /// <summary>True when the SM-DP+ reported Failed with this subject / reason code (JSON binding).</summary>
    public bool FailedWith(StatusCode code) => Value is null && Status.FailedWith(code);

    /// <summary>The payload, or an <see cref="Es9FunctionFailedException"/> saying how the function failed.</summary>
    public T Ok() => Value ?? throw new Es9FunctionFailedException(Function, Status, AsnBindingErrorName);

    public override string ToString() => Value is not null
        ? $"{Function}: {Status.Status}"
        : $"{Function}: {Status}{(AsnBindingErrorName is null ? "" : " " + AsnBindingErrorName)}";
}

/// <summary>An ES9+ function did not execute where the caller needed it to.</summary>
public sealed class Es9FunctionFailedException(string function, FunctionExecutionStatus status, string? asnBindingError)
    : Exception(asnBindingError is null
        ? $"ES9+ {function} answered {status}."
        : $"ES9+ {function} answered the error {asnBindingError}.")
{
    public string Function { get; } = function;

    public FunctionExecutionStatus Status { get; } = status;

    public string? AsnBindingError { get; } = asnBindingError;
}
