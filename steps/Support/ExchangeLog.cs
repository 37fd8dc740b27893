using System.Text;
using Conformance.Adapters.Es2Plus;
using RspDecoder = Conformance.Rsp.Asn1.Printing.Decoder;

namespace Conformance.Steps.Support;

/// <summary>
/// Every HTTP exchange of one scenario, in order (scenario-scoped). Drivers hand their clients
/// <see cref="Record"/>; the hooks attach each step's exchanges to that step, decoded.
/// </summary>
public sealed class ExchangeLog
{
    private readonly Lock _gate = new();
    private readonly List<HttpExchange> _all = [];
    private int _attached;

    public void Record(HttpExchange exchange)
    {
        lock (_gate)
        {
            _all.Add(exchange);
        }
    }

    public IReadOnlyList<HttpExchange> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _all];
            }
        }
    }

    /// <summary>The exchanges recorded since the last call (for the step that just ended).</summary>
    public IReadOnlyList<HttpExchange> TakeNew()
    {
        lock (_gate)
        {
            var fresh = _all.Skip(_attached).ToList();
            _attached = _all.Count;
            return fresh;
        }
    }

    /// <summary>The exchange as text: request and response with headers, JSON bodies indented and their base64 DER decoded.</summary>
    public static string Describe(HttpExchange x)
    {
        var sb = new StringBuilder();
        sb.AppendLine(FormattableString.Invariant($"{x.Interface} {x.Function}: {x.Summary}, started {x.Started:O}"));
        sb.AppendLine().AppendLine(FormattableString.Invariant($"> {x.Method} {x.Url}"));
        foreach ((string name, string value) in x.RequestHeaders)
        {
            sb.AppendLine(FormattableString.Invariant($"> {name}: {value}"));
        }

        sb.AppendLine().AppendLine(Body(x.RequestBody));
        if (x.Error is not null)
        {
            sb.AppendLine(FormattableString.Invariant($"< no response: {x.Error}"));
            return sb.ToString();
        }

        sb.AppendLine(FormattableString.Invariant($"< HTTP {x.StatusCode}"));
        foreach ((string name, string value) in x.ResponseHeaders)
        {
            sb.AppendLine(FormattableString.Invariant($"< {name}: {value}"));
        }

        sb.AppendLine().AppendLine(Body(x.ResponseBody ?? ""));
        return sb.ToString();
    }

    private static string Body(string body)
    {
        if (body.Length == 0)
        {
            return "(empty body)";
        }

        try
        {
            return RspDecoder.DescribeJson(body);
        }
        catch (System.Text.Json.JsonException)
        {
            return body;
        }
    }
}
