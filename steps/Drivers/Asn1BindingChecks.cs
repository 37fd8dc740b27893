using Conformance.Rsp.StatusCodes;
using Conformance.Steps.Support;

namespace Conformance.Steps.Drivers;

/// <summary>
/// What an answer over the ES9+ ASN.1 binding must be (SGP.22 v2.5 §6.6): each function answers its own alternative of
/// RemoteProfileProvisioningResponse, its Ok alternative when it executed, else its error INTEGER with the value SGP.22
/// gives the failure (RSPDefinitions, "Definition for ES9+ ASN.1 Binding"; reference-impl/Rsp/StatusCodes/Es9AsnBindingErrors.cs holds them).
/// </summary>
public static class Asn1BindingChecks
{
    /// <summary>The function whose response carries this alternative ("initiateAuthenticationOk" -> InitiateAuthentication).</summary>
    public static string FunctionOf(string alternative)
    {
        ArgumentNullException.ThrowIfNull(alternative);
        string name = alternative.EndsWith("Error", StringComparison.Ordinal) ? alternative[..^5] : alternative.EndsWith("Ok", StringComparison.Ordinal) ? alternative[..^2] : alternative;
        return char.ToUpperInvariant(name[0]) + name[1..];
    }

    /// <summary>The name SGP.22 gives <paramref name="value"/> in the error INTEGER of <paramref name="function"/>, or null.</summary>
    public static string? ErrorName(string function, int value) => function switch
    {
        "InitiateAuthentication" => Name<InitiateAuthenticationError>(value),
        "AuthenticateClient" => Name<AuthenticateClientError>(value),
        "GetBoundProfilePackage" => Name<GetBoundProfilePackageError>(value),
        "CancelSession" => Name<CancelSessionEs9Error>(value),
        _ => null,
    };

    /// <summary>The last call answered the Ok alternative of its function (it executed).</summary>
    public static void AnsweredOk(FunctionOutcome outcome, string alternative)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        string function = SameFunction(outcome, alternative);
        // SGP.22 §6.6: a function that executed answers the Ok alternative of its response CHOICE.
        if (outcome.Status != FunctionExecutionStatusValues.ExecutedSuccess)
        {
            Assert.Fail(Expectation(outcome, function, alternative));
        }
    }

    /// <summary>The last call answered the error alternative of its function with exactly this INTEGER.</summary>
    public static void AnsweredError(FunctionOutcome outcome, string alternative, string name, int value)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        string function = SameFunction(outcome, alternative);
        if (ErrorName(function, value) != name)
        {
            throw new InvalidOperationException($"the step names {alternative} {name}({value}), but SGP.22 calls the value {value} of {alternative} {ErrorName(function, value) ?? "nothing"}");
        }
        // SGP.22 §6.6: a function that failed answers the error alternative of its response CHOICE, with the value of the failure.
        if (outcome.Status != FunctionExecutionStatusValues.Failed || outcome.AsnBindingErrorCode != value)
        {
            Assert.Fail(Expectation(outcome, function, $"{alternative} {name}({value})"));
        }
    }

    private static string SameFunction(FunctionOutcome outcome, string alternative)
    {
        string function = FunctionOf(alternative);
        return outcome.Function == function ? function
            : throw new InvalidOperationException($"the step names {alternative}, but the last call was {outcome.Interface} {outcome.Function}");
    }

    private static string Expectation(FunctionOutcome outcome, string function, string expected)
    {
        string binding = SpecRules.OfTransportFailure(outcome.Error) is { } rule ? $" ({rule})" : "";
        return $"{SpecRules.Of("ES9+", function)}, §6.6: over the ASN.1 binding {function} must answer {expected}, but {outcome}{binding}";
    }

    private static string? Name<T>(int value) where T : struct, Enum =>
        Enum.IsDefined(typeof(T), value) ? Enum.GetName(typeof(T), value) : null;
}
