namespace Conformance.Adapters.Bpp;

/// <summary>
/// The rules a bound profile package from an SM-DP+ must satisfy (SGP.22 v2.5 §2.5.4, §2.5.5, §2.6.4, §5.5;
/// SGP.23 §4.3.13 checks them by decrypting the package with the eUICC side's keys). One name per rule.
/// </summary>
public enum BppRule
{
    /// <summary>The package decodes as BoundProfilePackage: BF23, A0, A1, optional A2, A3 in that order (§2.5.4).</summary>
    Structure,

    /// <summary>remoteOpId is installBoundProfilePackage(1) (§5.5.1).</summary>
    RemoteOpId,

    /// <summary>transactionId is the RSP session's (§5.5.1).</summary>
    TransactionId,

    /// <summary>controlRefTemplate: keyType '88', keyLen '10', a hostId (§5.5.1).</summary>
    ControlRefTemplate,

    /// <summary>smdpOtpk is a point of the session's curve (§5.5.1, §3.1.3).</summary>
    SmdpOtpk,

    /// <summary>smdpSign verifies with CERT.DPpb.ECDSA over the four data objects followed by 5F49 otPK.EUICC.ECKA (§5.5.1).</summary>
    SmdpSign,

    /// <summary>firstSequenceOf87 holds exactly one segment: ConfigureISDP, encrypted and MACed (§2.5.4, §5.5.2).</summary>
    ConfigureIsdp,

    /// <summary>sequenceOf88 holds StoreMetadata, MAC only, that decodes as StoreMetadataRequest (§2.5.4, §5.5.3).</summary>
    StoreMetadata,

    /// <summary>StoreMetadata is the profileMetadata sent in AuthenticateClient (§2.5.4, §3.1.3.3).</summary>
    StoreMetadataMatchesProfileMetadata,

    /// <summary>The ICCID of StoreMetadata is the ICCID of the profile package's header (§5.5.3).</summary>
    MetadataIccid,

    /// <summary>secondSequenceOf87, when present, is one segment holding ReplaceSessionKeysRequest (§5.5.4).</summary>
    ReplaceSessionKeys,

    /// <summary>A segment (tag, length, data, MAC) is at most 1020 bytes (§2.6.4).</summary>
    SegmentLength,

    /// <summary>A segment is well formed: its tag, a minimal length, block-aligned data, 80 00.. padding (§2.6.4).</summary>
    SegmentFormat,

    /// <summary>Each segment's MAC verifies under S-MAC (or PPK-MAC) with the chaining value of the previous one (§2.6.4).</summary>
    MacChain,

    /// <summary>The block counter starts at 1 and grows by one per segment, MAC-only '88' included (§2.6.4).</summary>
    BlockCounter,

    /// <summary>The decrypted '86' data parses as a SAIP profile package (§2.5.4, SIMalliance eUICC Profile Package).</summary>
    ProfilePackage,

    /// <summary>The profile package is the ordered one: its header carries the expected ICCID.</summary>
    ProfileIccid,

    /// <summary>The decrypted profile package is byte for byte the ordered one (when the harness knows it).</summary>
    ProfileContent,

    /// <summary>A TLV of the package is wrapped once: no BF36, sequence or segment inside another of its own tag (§2.5.4).</summary>
    WrappedTwice,

    /// <summary>The segments of a sequence are sent in the order the SM-DP+ protected them, the MAC chain's (§2.5.5, §2.6.4).</summary>
    SegmentOrder,
}

/// <summary>The SGP.22 section of each <see cref="BppRule"/>.</summary>
public static class BppRules
{
    public static string Section(this BppRule rule) => rule switch
    {
        BppRule.Structure => "§2.5.4",
        BppRule.RemoteOpId or BppRule.TransactionId or BppRule.ControlRefTemplate or BppRule.SmdpOtpk or BppRule.SmdpSign => "§5.5.1",
        BppRule.ConfigureIsdp => "§5.5.2",
        BppRule.StoreMetadata or BppRule.MetadataIccid => "§5.5.3",
        BppRule.StoreMetadataMatchesProfileMetadata => "§2.5.4",
        BppRule.ReplaceSessionKeys => "§5.5.4",
        BppRule.SegmentLength or BppRule.SegmentFormat or BppRule.MacChain or BppRule.BlockCounter => "§2.6.4",
        BppRule.ProfilePackage or BppRule.ProfileIccid or BppRule.ProfileContent => "§5.5.5",
        BppRule.WrappedTwice => "§2.5.4",
        BppRule.SegmentOrder => "§2.5.5",
        _ => "§2.5.4",
    };
}
