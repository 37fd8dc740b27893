namespace Conformance.Euicc.Apdu;

/// <summary>Configuration of the ISD-R APDU front end.</summary>
public sealed record IsdrOptions
{
    /// <summary>The ISD-R AID of SGP.22 v2.5 §2.2.3: A0000005591010FFFFFFFF8900000100.</summary>
    public static readonly byte[] DefaultIsdrAid = Convert.FromHexString("A0000005591010FFFFFFFF8900000100");

    /// <summary>The AID answered by SELECT (5 to 16 bytes).</summary>
    public byte[] IsdrAid { get; init; } = DefaultIsdrAid;

    /// <summary>
    /// Largest reassembled ES10 command accepted; a longer STORE DATA sequence answers '6A84'.
    /// 32 KiB is far above any SGP.22 v2.5 ES10 command (bound profile package segments arrive as
    /// separate commands of about 1 KB) and below the 256 x 255 bytes that P2 block numbers can carry.
    /// </summary>
    public int MaxCommandLength { get; init; } = 32 * 1024;

    /// <summary>Logical channels besides the basic channel (1 to 3 with the short CLA coding).</summary>
    public int ExtraLogicalChannels { get; init; } = 3;

    /// <summary>Named defects of the front end (<see cref="Faults.EuiccDefect"/>); none by default.</summary>
    public IReadOnlySet<Faults.EuiccDefect> Defects { get; init; } = new HashSet<Faults.EuiccDefect>();

    public void Validate()
    {
        if (IsdrAid.Length is < 5 or > 16)
        {
            throw new ArgumentException($"the ISD-R AID must be 5 to 16 bytes, got {IsdrAid.Length}");
        }
        if (ExtraLogicalChannels is < 0 or > 3)
        {
            throw new ArgumentException($"logical channels 1..3 at most, got {ExtraLogicalChannels}");
        }
        if (MaxCommandLength < 1)
        {
            throw new ArgumentException("the maximum ES10 command length must be positive");
        }
    }
}
