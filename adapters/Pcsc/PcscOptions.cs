using System.Globalization;

namespace Conformance.Adapters.Pcsc;

/// <summary>Which reader to use and the deadlines of every PC/SC call.</summary>
public sealed record PcscOptions
{
    /// <summary>Reader by name (exact, else a unique substring) or index; <see cref="PcscReaderSelector.First"/>: the first reader holding a card.</summary>
    public PcscReaderSelector Reader { get; init; } = PcscReaderSelector.First;

    /// <summary>Protocols offered on connect: T=0 and T=1 by default (the reader picks, T=0 first).</summary>
    public PcscProtocols Protocols { get; init; } = PcscProtocols.T0 | PcscProtocols.T1;

    /// <summary>Exclusive access (no other application may use the card meanwhile).</summary>
    public bool Exclusive { get; init; }

    /// <summary>How long to wait for a reader with a card.</summary>
    public TimeSpan CardWaitTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Deadline of one APDU exchange.</summary>
    public TimeSpan TransmitTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Reset the card when the transport is disposed (SCARD_RESET_CARD) instead of leaving it as it is.
    /// pcsc-lite keeps the negotiated protocol while the card stays powered, so a later connect with
    /// another protocol needs a reset first.
    /// </summary>
    public bool ResetOnDispose { get; init; }

    /// <summary>
    /// The pcscd socket (PCSCLITE_CSOCK_NAME), for a private pcscd. Applied to the process
    /// environment before the first PC/SC context; libpcsclite reads it once per process.
    /// </summary>
    public string? SocketPath { get; init; }
}

/// <summary>SCARD_PROTOCOL_T0 / SCARD_PROTOCOL_T1.</summary>
[Flags]
public enum PcscProtocols
{
    T0 = 1,
    T1 = 2,
}

/// <summary>Chooses a reader among those pcscd lists.</summary>
public sealed record PcscReaderSelector(string? Name, int? Index)
{
    public static readonly PcscReaderSelector First = new(null, null);

    /// <summary>"" or null: the first reader; digits: an index from 0; anything else: a name.</summary>
    public static PcscReaderSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return First;
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            ? new PcscReaderSelector(null, index)
            : new PcscReaderSelector(text, null);
    }

    /// <summary>Picks the reader; null when none matches.</summary>
    /// <exception cref="ArgumentException">A substring matches several readers.</exception>
    public string? Pick(IReadOnlyList<string> readers)
    {
        if (Index is int i)
        {
            return i < readers.Count ? readers[i] : null;
        }
        if (Name is null)
        {
            return readers.Count > 0 ? readers[0] : null;
        }
        string? exact = readers.FirstOrDefault(r => r == Name);
        if (exact is not null)
        {
            return exact;
        }
        var partial = readers.Where(r => r.Contains(Name, StringComparison.OrdinalIgnoreCase)).ToList();
        return partial.Count switch
        {
            0 => null,
            1 => partial[0],
            _ => throw new ArgumentException($"reader '{Name}' is ambiguous: {string.Join(", ", partial.Select(p => $"'{p}'"))}"),
        };
    }

    public override string ToString() => Index is int i ? $"#{i}" : Name ?? "(first reader)";
}
