using System.Text.Json;
using Conformance.Adapters.Http;

namespace Conformance.Adapters.Es2Plus;

/// <summary>
/// An ES2+ answer: the function, its execution status (SGP.22 v2.5 §6.5.1.4), the typed result when the
/// function succeeded, the raw body for anything a test wants to look at, and the exchange as recorded.
/// </summary>
public sealed record Es2PlusResponse<T>(string Function, FunctionExecutionStatus ExecutionStatus, T? Result, JsonElement Body, RecordedExchange Exchange)
    where T : class;
