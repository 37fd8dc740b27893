using System.CommandLine;
using System.Text.Json;
using Conformance.Rsp.Asn1.Printing;

namespace Conformance.Cli.Commands;

/// <summary><c>./conformance decode &lt;hex|base64|@file|-&gt;</c>: pretty-prints any SGP.22 message.</summary>
internal static class DecodeCommand
{
    public static Command Build()
    {
        var input = new Argument<string>("input")
        {
            Description = "hex, base64, an ES9+/ES2+ JSON body, @file (binary or text), or - for standard input",
        };
        var cmd = new Command("decode", "Pretty-print any SGP.22 message, bound profile package, profile package or certificate.")
        {
            input,
        };
        cmd.SetAction((result, _) => CliRunner.Run(() => Task.FromResult(Run(result.GetValue(input)!, Console.In, Console.Out))));
        return cmd;
    }

    /// <summary>Exit code 0 when the input decoded as a known message, 1 when only a raw TLV dump was possible.</summary>
    internal static int Run(string arg, TextReader stdin, TextWriter stdout)
    {
        DecodeInput input = DecodeInput.Parse(arg, stdin);
        if (input.Json is not null)
        {
            try
            {
                stdout.Write(Decoder.DescribeJson(input.Json));
                return 0;
            }
            catch (JsonException e)
            {
                throw new CliError($"invalid JSON: {e.Message}");
            }
        }
        string text = Decoder.Describe(input.Der!);
        stdout.Write(text);
        return text.StartsWith("no SGP.22 message", StringComparison.Ordinal) || text.StartsWith("not a DER value", StringComparison.Ordinal) ? 1 : 0;
    }
}
