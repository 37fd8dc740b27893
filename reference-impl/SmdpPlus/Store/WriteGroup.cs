using Microsoft.Data.Sqlite;

namespace Conformance.SmdpPlus.Store;

/// <summary>
/// Group commit: one SQLite transaction that several <see cref="StoreTransaction"/>s join one after another, each
/// inside its own savepoint, and that is committed once for all of them. A member's changes become part of the
/// group when it commits (RELEASE of its savepoint) and are undone alone when it rolls back (ROLLBACK TO); its
/// <see cref="StoreTransaction.CommitAsync"/> returns only after the group's COMMIT, so no caller answers before
/// its changes are in the database. The group is committed as soon as no other writer is waiting for the write
/// gate, or when it has <see cref="SmdpStore.MaxGroupMembers"/> members; under load one COMMIT (and one write of
/// each page several members changed) serves many requests.
/// Touched only by the holder of the write gate, except <see cref="Committed"/>.
/// </summary>
internal sealed class WriteGroup(SqliteTransaction transaction)
{
    public SqliteTransaction Transaction { get; } = transaction;

    public int Members { get; set; }

    /// <summary>What the members that committed asked to run after the COMMIT (cache updates), in their order.</summary>
    public List<Action> AfterCommit { get; } = [];

    public List<ProfileStateChange> Changes { get; } = [];

    /// <summary>
    /// Sessions as the group has written them so far (not yet in the committed-session cache); a null value means
    /// "changed in the group, read it from the database", which the writing connection sees uncommitted.
    /// </summary>
    public Dictionary<string, DownloadSession?> Sessions { get; } = new(StringComparer.Ordinal);

    /// <summary>Sessions were changed in bulk (by ICCID): every session read in this group goes to the database.</summary>
    public bool AllSessionsChanged { get; set; }

    /// <summary>Its COMMIT is queued (<see cref="SmdpStore.EndTurn"/>).</summary>
    public bool CloseQueued { get; set; }

    /// <summary>Set when a member's ROLLBACK TO failed: the group cannot tell what it holds and is rolled back whole.</summary>
    public Exception? Poisoned { get; set; }

    /// <summary>Completes when the group's COMMIT has succeeded; faults when it failed (every member then failed).</summary>
    public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
