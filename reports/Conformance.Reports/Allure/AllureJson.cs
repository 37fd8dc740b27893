using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Conformance.Reports.Coverage;

namespace Conformance.Reports.Allure;

/// <summary>
/// The JSON settings of allure-results files, shared by the writer and the reader. Source
/// generated, so the library also works where reflection-based serialisation is off (trimmed
/// or AOT hosts).
/// </summary>
internal static class AllureJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // "ES9+" stays readable instead of "ES9\u002B"; the files are data, never inlined in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        ReadCommentHandling = JsonCommentHandling.Skip,
        TypeInfoResolver = ReportsJsonContext.Default,
    };

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    public static T? Deserialize<T>(ReadOnlySpan<byte> json) => JsonSerializer.Deserialize<T>(json, Options);
}

[JsonSerializable(typeof(AllureResult))]
[JsonSerializable(typeof(AllureContainer))]
[JsonSerializable(typeof(List<AllureCategory>))]
[JsonSerializable(typeof(AllureExecutor))]
[JsonSerializable(typeof(AllureGlobals))]
[JsonSerializable(typeof(Sgp23Catalog))]
internal sealed partial class ReportsJsonContext : JsonSerializerContext;
