namespace Conformance.Rsp.Saip;

/// <summary>A profile package that is not a well-formed SAIP sequence of profile elements.</summary>
public sealed class SaipException(string message, int offset, Exception? inner = null)
    : FormatException($"profile package: {message} at offset {offset}", inner)
{
    public int Offset { get; } = offset;
}
