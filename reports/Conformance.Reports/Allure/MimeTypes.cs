namespace Conformance.Reports.Allure;

/// <summary>MIME types of attachments and the file extensions allure uses to preview them.</summary>
public static class MimeTypes
{
    public const string Text = "text/plain";
    public const string Json = "application/json";
    public const string Html = "text/html";
    public const string Markdown = "text/markdown";
    public const string Xml = "application/xml";
    public const string Csv = "text/csv";
    public const string Png = "image/png";
    public const string Binary = "application/octet-stream";

    /// <summary>The file extension (without dot) for a MIME type; "bin" when unknown.</summary>
    public static string Extension(string mimeType) => mimeType.Split(';')[0].Trim().ToLowerInvariant() switch
    {
        Text => "txt",
        Json => "json",
        Html => "html",
        Markdown => "md",
        Xml or "text/xml" => "xml",
        Csv => "csv",
        Png => "png",
        "image/jpeg" => "jpg",
        "image/svg+xml" => "svg",
        _ => "bin",
    };
}
