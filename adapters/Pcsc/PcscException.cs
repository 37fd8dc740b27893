namespace Conformance.Adapters.Pcsc;

/// <summary>A PC/SC call failed. Names the operation, the reader and the PC/SC code in words.</summary>
public sealed class PcscException : Exception
{
    public PcscException(string operation, string? reader, long code)
        : base($"PC/SC {operation}{(reader is null ? "" : $" on reader '{reader}'")} failed: {PcscErrors.Describe(code)}")
    {
        Operation = operation;
        Reader = reader;
        Code = code;
    }

    /// <summary>A failure with its own wording; <paramref name="code"/> is the PC/SC code that fits it best.</summary>
    public PcscException(string operation, string? reader, long code, string message)
        : base($"PC/SC {operation}{(reader is null ? "" : $" on reader '{reader}'")} failed: {message}")
    {
        Operation = operation;
        Reader = reader;
        Code = code;
    }

    public string Operation { get; }

    public string? Reader { get; }

    /// <summary>The PC/SC return code (see <see cref="PcscErrors"/>).</summary>
    public long Code { get; }

    /// <summary>The readers a name matched when the failure is about choosing among them (several with a card, or none), else empty.</summary>
    public IReadOnlyList<string> Candidates { get; init; } = [];

    /// <summary>Throws for a non-zero PC/SC return value.</summary>
    internal static void Check(nint rv, string operation, string? reader)
    {
        if (rv != 0)
        {
            throw new PcscException(operation, reader, (long)(ulong)(nuint)rv & 0xFFFFFFFF);
        }
    }
}
