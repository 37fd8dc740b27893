namespace Conformance.Cli.Commands;

/// <summary>A user error: printed as one sentence on stderr, exit code 2, no stack trace.</summary>
internal sealed class CliError(string message) : Exception(message);

internal static class CliRunner
{
    /// <summary>Runs a command body, turning expected failures into one clear line and an exit code.</summary>
    public static async Task<int> Run(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (Exception e) when (e is CliError or FormatException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 2;
        }
    }
}
