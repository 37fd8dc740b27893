namespace Conformance.Rsp.Bsp;

/// <summary>Tags of the BSP segments of a bound profile package (SGP.22 v2.5 §2.5.5, §5.5).</summary>
public static class BspTags
{
    /// <summary>'86': a segment of the profile (loadProfileElements, sequenceOf86), encrypted and MACed.</summary>
    public const byte ProfileElements = 0x86;

    /// <summary>'87': ConfigureISDP (firstSequenceOf87) or ReplaceSessionKeys (secondSequenceOf87), encrypted and MACed.</summary>
    public const byte Encrypted87 = 0x87;

    /// <summary>'88': StoreMetadata (sequenceOf88), MAC only.</summary>
    public const byte MacOnly88 = 0x88;
}
