using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Adapters.Lpa;

namespace Conformance.Steps.Support.Orders;

/// <summary>
/// The <c>orders</c> setting <c>command:CMD</c>: a program run once per order (through /bin/sh), told on standard input
/// what the scenario needs, as JSON:
/// <c>{"smdpAddress", "eid", "eidRequired", "matchingId", "confirmationCode", "released", "smdsEvent"}</c> (eid: the
/// eUICC's EID; matchingId: true when the order needs one, false for an EID-bound order without; confirmationCode: the
/// code to set, or null). It answers on standard output <c>{"activationCode": "LPA:1$...", "iccid": "..."}</c>, or
/// <c>{"unsupported": "one sentence"}</c> when it cannot make such an order (the scenario is then skipped with that reason).
/// A non-zero exit, a timeout or another answer ends the scenario as broken, with the program's last words. The program runs
/// in the directory the user ran <c>./conformance</c> from (CONFORMANCE_CALLER_DIR, which the script sets), so a relative
/// path in the command means what it meant there; the test host itself runs in its build directory.
/// </summary>
public sealed class CommandOrders(string command, string smdpAddress, TimeSpan timeout) : IOrderSource
{
    public string Name => $"command {command}";

    public async Task<(TakenOrder? Order, string? Lacking)> TakeAsync(OrderNeeds needs, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(needs);
        string? code = needs.ConfirmationCode ? Drivers.DownloadOrderDriver.HarnessConfirmationCode : null;
        var request = new JsonObject
        {
            ["smdpAddress"] = smdpAddress,
            ["eid"] = needs.Eid,
            ["eidRequired"] = needs.EidRequired,
            ["matchingId"] = needs.MatchingId,
            ["confirmationCode"] = code,
            ["released"] = needs.Released,
            ["smdsEvent"] = needs.SmdsEvent,
        };
        (int exit, string stdout, string stderr) = await RunAsync(request.ToJsonString(), ct).ConfigureAwait(false);
        string said = LastWords(stderr) is { Length: > 0 } last ? $": {last}" : "";
        if (exit != 0)
        {
            throw new InvalidOperationException($"The order command ({command}) exited with {exit}{said}.{Tail(stderr)}");
        }

        JsonElement answer;
        try
        {
            using JsonDocument doc = JsonDocument.Parse(stdout);
            answer = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new InvalidOperationException($"The order command ({command}) printed no JSON object{said} (its output starts '{Start(stdout)}').");
        }

        if (answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("unsupported", out JsonElement why) && why.ValueKind == JsonValueKind.String)
        {
            return (null, $"the scenario needs {needs.Describe()}; the order command cannot make one: {why.GetString()}");
        }

        if (answer.ValueKind != JsonValueKind.Object || !answer.TryGetProperty("activationCode", out JsonElement ac) || ac.ValueKind != JsonValueKind.String)
        {
            throw new InvalidOperationException($"The order command ({command}) answered without an activationCode: '{Start(stdout)}'.");
        }

        ActivationCode parsed;
        try
        {
            parsed = ActivationCode.Parse(ac.GetString()!);
        }
        catch (ActivationCodeException e)
        {
            throw new InvalidOperationException($"The order command ({command}) answered an activation code SGP.22 §4.1 refuses: {e.Message}");
        }

        string? iccid = answer.TryGetProperty("iccid", out JsonElement i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
        return (new TakenOrder(parsed.MatchingId, code, iccid, $"order command: {ac.GetString()}"), null);
    }

    private async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string input, CancellationToken ct)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            ArgumentList = { "-c", command },
            WorkingDirectory = Environment.GetEnvironmentVariable("CONFORMANCE_CALLER_DIR") is { Length: > 0 } caller && Directory.Exists(caller)
                ? caller : Environment.CurrentDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"The order command ({command}) could not be started.");
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(limit.Token);
        Task<string> stderr = process.StandardError.ReadToEndAsync(limit.Token);
        try
        {
            await process.StandardInput.WriteAsync(input.AsMemory(), limit.Token).ConfigureAwait(false);
            process.StandardInput.Close();
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            return (process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException(e is OperationCanceledException && !ct.IsCancellationRequested
                ? $"The order command ({command}) did not answer within {timeout.TotalSeconds:0.#} s."
                : $"The order command ({command}) closed its input early ({e.Message}).", e);
        }
    }

    /// <summary>
    /// The last line of the program's standard error that says something. An uncaught exception's dump ends with the
    /// runtime's banner ("Node.js v20.1.0"), the error object's properties in braces and the stack frames ("at f
    /// (file:1:2)"): those are passed over, so the error line itself is quoted.
    /// </summary>
    internal static string? LastWords(string text)
    {
        string[] lines = Lines(text);
        int i = lines.Length - 1;
        if (i >= 0 && lines[i].StartsWith("Node.js v", StringComparison.Ordinal))
        {
            i--;
        }

        if (i >= 0 && lines[i] == "}")
        {
            // The error object's properties: back to the line that opens them.
            while (i >= 0 && !lines[i].EndsWith('{'))
            {
                i--;
            }

            i--;
        }

        while (i >= 0 && (lines[i].StartsWith("at ", StringComparison.Ordinal) || !lines[i].Any(char.IsLetterOrDigit)))
        {
            i--;
        }

        return i >= 0 ? lines[i] : null;
    }

    /// <summary>The end of the program's standard error (its last 12 lines), for the scenario's trace; empty when it said nothing.</summary>
    private static string Tail(string text)
    {
        string[] lines = Lines(text);
        return lines.Length == 0 ? "" : $"{Environment.NewLine}Its standard error ends:{Environment.NewLine}{string.Join(Environment.NewLine, lines.TakeLast(12))}";
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Start(string text) => text.Length <= 80 ? text.Trim() : text[..80].Trim() + "...";
}
