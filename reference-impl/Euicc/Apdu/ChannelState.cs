namespace Conformance.Euicc.Apdu;

/// <summary>Volatile state of one logical channel; all of it is lost on power-off or reset.</summary>
internal sealed class ChannelState
{
    public bool Open { get; set; }

    /// <summary>True once the ISD-R is selected on this channel.</summary>
    public bool IsdrSelected { get; set; }

    /// <summary>The ES10 command being reassembled from STORE DATA blocks.</summary>
    public MemoryStream? StoreData { get; set; }

    /// <summary>Block number (P2) the next STORE DATA block must carry.</summary>
    public int NextBlock { get; set; }

    /// <summary>Response bytes not yet fetched with GET RESPONSE.</summary>
    public byte[]? Pending { get; set; }

    public int PendingOffset { get; set; }

    public int PendingRemaining => Pending is null ? 0 : Pending.Length - PendingOffset;

    public void AbandonStoreData()
    {
        StoreData = null;
        NextBlock = 0;
    }

    public void Clear()
    {
        Open = false;
        IsdrSelected = false;
        AbandonStoreData();
        Pending = null;
        PendingOffset = 0;
    }
}
