using System.Text.RegularExpressions;
using Conformance.Adapters.Es2Plus;
using Conformance.Rsp.StatusCodes;
using Conformance.Steps.Drivers;

namespace Conformance.Steps.Support;

/// <summary>
/// The one place that turns step text into typed values: status codes as the spec writes them
/// ("8.2.1 / 3.9"), hex strings, and two-column tables (| field | value |) into ES2+ requests whose
/// unspecified fields take the scenario's defaults. Placeholders in tables: &lt;the profile&gt;,
/// &lt;unknown ICCID&gt;, &lt;the eUICC&gt;, &lt;another eUICC&gt;, &lt;new&gt;, &lt;empty&gt;,
/// &lt;the order's MatchingID&gt;, &lt;the other order's MatchingID&gt;, &lt;none&gt; (field not sent).
/// </summary>
[Binding]
public sealed partial class Conversions(OrderSession session)
{
    /// <summary>"8.2.1 / 3.9" -> the named code of FunctionStatusCodes (a code the table lacks is a mistake in the feature).</summary>
    [StepArgumentTransformation(@"^(\d+(?:\.\d+)*) / (\d+(?:\.\d+)*)$")]
    public static StatusCode ToStatusCode(string subjectCode, string reasonCode) =>
        FunctionStatusCodes.Find(subjectCode, reasonCode)
        ?? throw new ArgumentException($"{subjectCode} / {reasonCode} is not in FunctionStatusCodes; add it there with its SGP.22 source first");

    /// <summary>"80 E2 91 00" or "80E29100" -> bytes.</summary>
    [StepArgumentTransformation(@"^((?:[0-9A-Fa-f]{2} ?)+)$")]
    public static byte[] ToBytes(string hex) => Convert.FromHexString(WhiteSpace().Replace(hex, ""));

    /// <summary>ConfirmOrder fields; defaults: iccid = the scenario's profile, releaseFlag = true, nothing else sent.</summary>
    [StepArgumentTransformation]
    public ConfirmOrderRequest ToConfirmOrder(Table table)
    {
        Dictionary<string, string?> f = Fields(table, "iccid", "eid", "matchingId", "confirmationCode", "smdsAddress", "releaseFlag");
        return new ConfirmOrderRequest(
            Iccid(f),
            ReleaseFlag(f.GetValueOrDefault("releaseFlag", "true")),
            f.GetValueOrDefault("eid"), f.GetValueOrDefault("matchingId"), f.GetValueOrDefault("confirmationCode"), f.GetValueOrDefault("smdsAddress"));
    }

    /// <summary>
    /// CancelOrder fields; defaults: iccid = the scenario's profile, eid = the EID the order is bound to (SGP.22 §5.3.3
    /// wants it then; &lt;none&gt; leaves it out), finalProfileStatusIndicator = Available.
    /// </summary>
    [StepArgumentTransformation]
    public CancelOrderRequest ToCancelOrder(Table table)
    {
        Dictionary<string, string?> f = Fields(table, "iccid", "eid", "matchingId", "finalProfileStatusIndicator");
        return new CancelOrderRequest(
            Iccid(f),
            f.GetValueOrDefault("finalProfileStatusIndicator", CancelOrderRequest.Available) ?? CancelOrderRequest.Available,
            f.TryGetValue("eid", out string? eid) ? eid : session.Eid, f.GetValueOrDefault("matchingId"));
    }

    private string Iccid(Dictionary<string, string?> fields) => fields.TryGetValue("iccid", out string? iccid)
        ? iccid ?? throw new ArgumentException("iccid is mandatory: it cannot be <none>")
        : session.RequireIccid();

    private Dictionary<string, string?> Fields(Table table, params string[] allowed)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.Header.Count != 2 || !table.Header.SequenceEqual(["field", "value"]))
        {
            throw new ArgumentException("a request table has two columns: | field | value |");
        }

        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DataTableRow row in table.Rows)
        {
            string name = row["field"];
            if (!allowed.Contains(name))
            {
                throw new ArgumentException($"'{name}' is not a field of this request; fields: {string.Join(", ", allowed)}");
            }

            fields[name] = Resolve(row["value"]);
        }

        return fields;
    }

    private string? Resolve(string value) => value switch
    {
        "<the profile>" => session.RequireIccid(),
        "<unknown ICCID>" => Identifiers.UnknownIccid,
        "<the eUICC>" => Identifiers.Eid1,
        "<another eUICC>" => Identifiers.Eid2,
        "<new>" => Identifiers.NewMatchingId(),
        "<empty>" => "",
        "<none>" => null,
        "<the order's MatchingID>" => session.MatchingId ?? throw new InvalidOperationException("the scenario's order has no MatchingID yet"),
        "<the other order's MatchingID>" => session.OtherMatchingId ?? throw new InvalidOperationException("no other order was confirmed earlier in the scenario"),
        _ when value.StartsWith('<') => throw new ArgumentException($"unknown placeholder {value}"),
        _ => value,
    };

    private static bool ReleaseFlag(string? value) => value switch
    {
        "true" => true,
        "false" => false,
        _ => throw new ArgumentException($"releaseFlag is true or false, not '{value}'"),
    };

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
