using System.Globalization;
using System.Text;
using Conformance.Adapters.Http;
using Conformance.Steps.Support;

namespace Conformance.Steps.Drivers;

/// <summary>
/// Records what the harness exchanges with the eUICC (and with the in-process SM-DP+) into the scenario's
/// <see cref="StepAttachments"/>: each ES10 function as one attachment with the command and response decoded as
/// SGP.22 messages followed by every APDU that carried it (command, response data, status word); HTTP exchanges
/// of ES9+ as their own attachment. APDUs outside an ES10 function (MANAGE CHANNEL, SELECT) go out at the end of
/// the step (<see cref="Flush"/>).
/// </summary>
public sealed class EuiccTrace(StepAttachments attachments) : IExchangeRecorder
{
    private readonly Lock _gate = new();
    private readonly List<RecordedExchange> _apdus = [];

    public void Record(RecordedExchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        lock (_gate)
        {
            switch (exchange.Kind)
            {
                case ExchangeKind.Apdu:
                    _apdus.Add(exchange);
                    break;
                case ExchangeKind.Es10:
                    attachments.Add($"{exchange.Label}{Outcome(exchange)}", "text/plain", exchange.ToText() + Apdus());
                    break;
                default:
                    attachments.Add($"{exchange.Label}{Outcome(exchange)}", "text/plain", exchange.ToText());
                    break;
            }
        }
    }

    /// <summary>Attaches the APDUs not yet attached with an ES10 function.</summary>
    public void Flush()
    {
        lock (_gate)
        {
            if (_apdus.Count > 0)
            {
                attachments.Add($"APDUs ({_apdus.Count})", "text/plain", Apdus().TrimStart());
            }
        }
    }

    /// <summary>The pending APDUs as text, and forgets them.</summary>
    private string Apdus()
    {
        if (_apdus.Count == 0)
        {
            return "";
        }

        var sb = new StringBuilder().AppendLine().AppendLine("--- APDUs ---");
        foreach (RecordedExchange a in _apdus)
        {
            sb.Append("> ").AppendLine(Convert.ToHexString(a.Request));
            if (a.Response is { Length: >= 2 } r)
            {
                sb.Append("< ").Append(Convert.ToHexString(r, 0, r.Length - 2)).Append(r.Length > 2 ? " " : "")
                    .Append("SW ").AppendLine(Convert.ToHexString(r, r.Length - 2, 2));
            }
            else
            {
                sb.Append("< no response: ").AppendLine(a.Error ?? "(empty)");
            }
        }

        _apdus.Clear();
        return sb.ToString();
    }

    private static string Outcome(RecordedExchange x) => x.Error is null
        ? string.Create(CultureInfo.InvariantCulture, $" ({x.Duration.TotalMilliseconds:0} ms)")
        : " (failed)";
}
