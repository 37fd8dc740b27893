using Conformance.Rsp.StatusCodes;

namespace Conformance.Euicc.Card;

/// <summary>
/// The persistent content of the emulated eUICC, saved atomically by <c>StateStore</c> after every change:
/// profiles (metadata and profile package), pending notifications with the sequence counter, the default
/// SM-DP+ address and loaded CRLs. Session data (challenges, keys, a BPP being loaded) is never here.
/// </summary>
public sealed record CardState
{
    public const int CurrentSchema = 1;

    public int SchemaVersion { get; init; } = CurrentSchema;

    /// <summary>The EID the state belongs to (a state directory is not moved between cards).</summary>
    public string Eid { get; init; } = "";

    public IReadOnlyList<StoredProfile> Profiles { get; init; } = [];

    /// <summary>Pending notifications, oldest first.</summary>
    public IReadOnlyList<StoredNotification> Notifications { get; init; } = [];

    /// <summary>The seqNumber of the next notification (SGP.22 v2.5 §2.6.8: increasing, never reused).</summary>
    public int NextSeqNumber { get; init; } = 1;

    /// <summary>Numbers the ISD-P AIDs; never reused.</summary>
    public int NextIsdpNumber { get; init; } = 1;

    public string? DefaultDpAddress { get; init; }

    public IReadOnlyList<StoredCrl> Crls { get; init; } = [];
}

/// <summary>One profile (an ISD-P) on the card.</summary>
public sealed record StoredProfile
{
    /// <summary>isdpAid (16 bytes).</summary>
    public required byte[] IsdpAid { get; init; }

    /// <summary>The ICCID digits (as printed).</summary>
    public required string Iccid { get; init; }

    /// <summary>The StoreMetadataRequest DER ('BF25') as received in the BPP.</summary>
    public required byte[] Metadata { get; init; }

    public ProfileState State { get; init; } = ProfileState.disabled;

    public string? Nickname { get; init; }

    /// <summary>dpOid of ConfigureISDP's dpProprietaryData, when it had one.</summary>
    public string? DpOid { get; init; }

    /// <summary>The SM-DP+ OID of the installation (from CERT.DPpb.ECDSA).</summary>
    public string? SmdpOid { get; init; }

    /// <summary>The unprotected profile package as decrypted (SAIP profile elements).</summary>
    public byte[]? ProfilePackage { get; init; }

    /// <summary>False while the installation is in progress: such a profile is removed when installation fails.</summary>
    public bool Complete { get; init; }
}

/// <summary>One pending notification: its metadata for ListNotification and the whole PendingNotification DER.</summary>
public sealed record StoredNotification
{
    public required int SeqNumber { get; init; }

    /// <summary>The NotificationEvent bit (0 install, 1 enable, 2 disable, 3 delete).</summary>
    public required NotificationEvent Event { get; init; }

    public required string NotificationAddress { get; init; }

    /// <summary>ICCID digits, when the notification names a profile.</summary>
    public string? Iccid { get; init; }

    /// <summary>PendingNotification DER: 'BF37' ProfileInstallationResult or '30' OtherSignedNotification.</summary>
    public required byte[] Der { get; init; }
}

/// <summary>A CRL loaded with ES10b.LoadCRL, with the CI that signed it and its cRLNumber.</summary>
public sealed record StoredCrl
{
    public required byte[] CiPkid { get; init; }

    public required string CrlNumber { get; init; }

    public required byte[] Der { get; init; }
}
