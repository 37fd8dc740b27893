using System.Globalization;

namespace Conformance.Adapters.Pcsc;

/// <summary>Which reader to use and the deadlines of every PC/SC call.</summary>
public sealed record PcscOptions
{
    /// <summary>
    /// Reader by name (exact, else a substring: among several readers containing it, the one holding a card) or index;
    /// <see cref="PcscReaderSelector.First"/>: the first reader holding a card.
    /// </summary>
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

    /// <summary>
    /// The readers this selector can mean: the one at <see cref="Index"/>; the one named exactly <see cref="Name"/>, else every
    /// reader whose name contains it (case-insensitive); for <see cref="First"/> every reader. Empty when none matches.
    /// </summary>
    public IReadOnlyList<string> Candidates(IReadOnlyList<string> readers)
    {
        ArgumentNullException.ThrowIfNull(readers);
        if (Index is int i)
        {
            return i < readers.Count ? [readers[i]] : [];
        }
        if (Name is null)
        {
            return readers;
        }
        string? exact = readers.FirstOrDefault(r => r == Name);
        return exact is not null ? [exact] : [.. readers.Where(r => r.Contains(Name, StringComparison.OrdinalIgnoreCase))];
    }

    /// <summary>
    /// The reader to use among <see cref="Candidates"/>, given those that hold a card now: the only candidate; else the
    /// first candidate holding a card (<see cref="First"/>), or the only one holding a card (a name several readers contain,
    /// e.g. "vpcd" for the two slots "... 00 00" and "... 00 01" of vsmartcard's reader). Null while no candidate holds a card.
    /// </summary>
    /// <exception cref="PcscException">A name that several readers contain, and more than one of them holds a card
    /// (<see cref="PcscException.Candidates"/> names them).</exception>
    public string? Choose(IReadOnlyList<string> candidates, IReadOnlyCollection<string> withCard)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(withCard);
        if (candidates.Count <= 1)
        {
            return candidates.Count == 1 ? candidates[0] : null;
        }
        var holding = candidates.Where(withCard.Contains).ToList();
        if (Name is null || holding.Count <= 1)
        {
            return holding.Count > 0 ? holding[0] : null;
        }
        throw new PcscException(ReaderSelection, null, PcscErrors.InvalidParameter,
            $"reader '{Name}' is ambiguous: {Quoted(holding)} {(holding.Count == 2 ? "both" : "all")} hold a card; name one of them in full, or by its index")
        {
            Candidates = holding,
        };
    }

    /// <summary>The operation a <see cref="PcscException"/> about choosing the reader names.</summary>
    public const string ReaderSelection = "reader selection";

    /// <summary>"'a', 'b' and 'c'".</summary>
    public static string Quoted(IReadOnlyList<string> readers)
    {
        ArgumentNullException.ThrowIfNull(readers);
        var quoted = readers.Select(r => $"'{r}'").ToList();
        return quoted.Count <= 1 ? string.Concat(quoted) : $"{string.Join(", ", quoted[..^1])} and {quoted[^1]}";
    }

    public override string ToString() => Index is int i ? $"#{i}" : Name ?? "(first reader)";
}
