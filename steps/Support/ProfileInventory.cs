namespace Conformance.Steps.Support;

/// <summary>
/// The profiles of the SM-DP+ under test that scenarios may order. Each scenario takes profiles of its
/// own, so scenarios never share state on the SM-DP+. Thread-safe.
/// </summary>
public sealed class ProfileInventory(IEnumerable<string> iccids, string profileType, string? profileTypeForTypeOrders = null)
{
    private readonly Lock _gate = new();
    private readonly Queue<string> _free = new(iccids);
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    /// <summary>The profile type of the ICCIDs handed out.</summary>
    public string ProfileType { get; } = profileType;

    /// <summary>The profile type DownloadOrder by profileType uses (a separate pool on the reference SM-DP+).</summary>
    public string ProfileTypeForTypeOrders { get; } = profileTypeForTypeOrders ?? profileType;

    public int Remaining
    {
        get
        {
            lock (_gate)
            {
                return _free.Count;
            }
        }
    }

    /// <summary>An ICCID no scenario has used in this run.</summary>
    public string Take()
    {
        lock (_gate)
        {
            while (_free.TryDequeue(out string? iccid))
            {
                if (_taken.Add(iccid))
                {
                    return iccid;
                }
            }
        }

        throw new InvalidOperationException("the inventory of available ICCIDs is used up: give the SM-DP+ more (setting iccids) or select fewer scenarios");
    }

    /// <summary>
    /// Puts back an ICCID handed out by <see cref="Take"/> whose order was cancelled with finalProfileStatusIndicator
    /// Available (SGP.22 §5.3.3): the SM-DP+ made the profile available again, so a later scenario may order it.
    /// </summary>
    public void Return(string iccid)
    {
        lock (_gate)
        {
            if (_taken.Remove(iccid))
            {
                _free.Enqueue(iccid);
            }
        }
    }

    /// <summary>Marks an ICCID the SM-DP+ picked by itself (DownloadOrder by profileType) as used.</summary>
    public void MarkUsed(string iccid)
    {
        lock (_gate)
        {
            _taken.Add(iccid);
        }
    }
}
