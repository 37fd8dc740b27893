using Conformance.Euicc.State;

namespace Conformance.Euicc.Card;

/// <summary>
/// The card's non-volatile memory: the current <see cref="CardState"/>, saved atomically (StateStore) after
/// every change when a state directory is given, kept in memory only otherwise.
/// </summary>
internal sealed class CardMemory : IDisposable
{
    private readonly StateStore<CardState>? _store;
    private readonly Func<CardState> _initial;

    public CardMemory(string? directory, Func<CardState> initial)
    {
        _initial = initial;
        if (directory is null)
        {
            State = initial();
            return;
        }
        _store = new StateStore<CardState>(directory);
        try
        {
            State = _store.LoadOrCreate(initial);
        }
        catch
        {
            _store.Dispose();
            throw;
        }
    }

    public CardState State { get; private set; }

    /// <summary>The state directory, or null for a card kept in memory.</summary>
    public string? Directory => _store?.DirectoryPath;

    /// <summary>Applies <paramref name="change"/> and saves the result before returning it.</summary>
    public CardState Update(Func<CardState, CardState> change)
    {
        CardState next = change(State);
        _store?.Save(next);
        State = next;
        return next;
    }

    /// <summary>Replaces everything with a freshly personalised state (the LoseStateAtReset defect).</summary>
    public void Wipe() => Update(_ => _initial());

    public void Dispose() => _store?.Dispose();
}
