using Org.BouncyCastle.Asn1.X509;

namespace Conformance.Rsp.Pki;

/// <summary>
/// What to put in one certificate. <see cref="RspCertificateProfiles"/> fills it per SGP.22 role;
/// negative variants and tests change single fields with <c>with { ... }</c>.
/// </summary>
public sealed record CertificateTemplate
{
    public required X509Name Subject { get; init; }

    public required long SerialNumber { get; init; }

    public required DateTime NotBefore { get; init; }

    public required DateTime NotAfter { get; init; }

    /// <summary>basicConstraints cA; null leaves the extension out.</summary>
    public bool? IsCa { get; init; }

    /// <summary>pathLenConstraint when <see cref="IsCa"/> is true.</summary>
    public int? PathLength { get; init; }

    /// <summary>keyUsage bits (BouncyCastle <see cref="KeyUsage"/> constants); 0 leaves the extension out.</summary>
    public int KeyUsage { get; init; }

    /// <summary>extendedKeyUsage purposes; empty leaves the extension out.</summary>
    public IReadOnlyList<KeyPurposeID> ExtendedKeyUsages { get; init; } = [];

    /// <summary>certificatePolicies OIDs; empty leaves the extension out.</summary>
    public IReadOnlyList<string> Policies { get; init; } = [];

    public bool PoliciesCritical { get; init; } = true;

    /// <summary>subjectAltName registeredID (SGP.26 uses test OIDs under 2.999).</summary>
    public string? RegisteredId { get; init; }

    /// <summary>subjectAltName dNSName entries.</summary>
    public IReadOnlyList<string> DnsNames { get; init; } = [];

    /// <summary>subjectAltName iPAddress entries (textual).</summary>
    public IReadOnlyList<string> IpAddresses { get; init; } = [];

    /// <summary>The EID range of an EUM certificate (nameConstraints).</summary>
    public PermittedEidRange? EidRange { get; init; }

    /// <summary>cRLDistributionPoints URI; null leaves the extension out.</summary>
    public string? CrlDistributionPoint { get; init; }

    /// <summary>Overrides the authorityKeyIdentifier normally taken from the issuer's SKI.</summary>
    public byte[]? AuthorityKeyIdentifierOverride { get; init; }

    /// <summary>Leaves the subjectKeyIdentifier out (for negative tests).</summary>
    public bool OmitSubjectKeyIdentifier { get; init; }
}
