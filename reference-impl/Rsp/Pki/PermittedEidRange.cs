using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;

namespace Conformance.Rsp.Pki;

/// <summary>
/// The EIDs an EUM may certify, carried in the nameConstraints extension of CERT.EUM.ECDSA.
/// </summary>
/// <remarks>
/// <para>Encoding (SGP.22 v2.5 §4.5.2.1.0.3, as in the SGP.26 test EUM certificate): a critical
/// nameConstraints extension (RFC 5280 §4.2.1.10) whose permittedSubtrees hold one GeneralSubtree
/// per EID range; each base is a directoryName [4] Name with exactly two attributes:
/// organizationName (2.5.4.10) = the EUM's organisation, and serialNumber (2.5.4.5, PrintableString)
/// = the EID prefix the EUM owns (for SGP.26: <c>O = RSP Test EUM, serialNumber = 89049032</c>).
/// minimum/maximum are absent.</para>
/// <para>Matching (SGP.22 v2.5 §4.5.2.1.0.2/§4.5.2.1.0.3): the eUICC certificate subject carries at least
/// organizationName and serialNumber (= the EID); it is permitted when, for some subtree, its
/// organizationName equals the subtree's and its serialNumber <em>starts with</em> the subtree's
/// serialNumber. This "starts with" rule differs from RFC 5280 directoryName matching, which is why
/// generic validators (e.g. BouncyCastle's PKIXNameConstraintValidator) reject SGP.22 chains and the
/// check is done here instead.</para>
/// <para>An EUM certificate without nameConstraints restricts nothing (RFC 5280 semantics).</para>
/// </remarks>
public sealed record PermittedEidRange(string Organization, IReadOnlyList<string> EidPrefixes)
{
    /// <summary>One organisation with one EID prefix.</summary>
    public PermittedEidRange(string organization, string eidPrefix) : this(organization, [eidPrefix])
    {
    }

    /// <summary>The nameConstraints extension value for an EUM certificate.</summary>
    public Asn1Encodable ToNameConstraints()
    {
        // NameConstraints ::= SEQUENCE { permittedSubtrees [0] IMPLICIT GeneralSubtrees OPTIONAL, ... }
        var subtrees = EidPrefixes.Select(prefix => (Asn1Encodable)new GeneralSubtree(new GeneralName(DirectoryName(Organization, prefix)))).ToArray();
        return new DerSequence(new DerTaggedObject(false, 0, new DerSequence(subtrees)));
    }

    /// <summary>The Name used as a permitted subtree base: O = organisation, serialNumber = EID prefix.</summary>
    public static X509Name DirectoryName(string organization, string serialNumber) =>
        new([X509Name.O, X509Name.SerialNumber], [organization, serialNumber]);

    /// <summary>
    /// The ranges of an EUM certificate: null when it has no nameConstraints extension (no restriction),
    /// otherwise one (organisation, prefix) pair per permitted directoryName subtree.
    /// </summary>
    public static IReadOnlyList<(string? Organization, string? SerialNumberPrefix)>? FromCertificate(RspCertificate eum)
    {
        if (eum.Extension(X509Extensions.NameConstraints) is not { } ext)
        {
            return null;
        }
        var result = new List<(string?, string?)>();
        foreach (var element in Asn1Sequence.GetInstance(ext))
        {
            var tagged = Asn1TaggedObject.GetInstance(element);
            if (tagged.TagNo != 0)
            {
                continue;
            }
            foreach (var subtree in Asn1Sequence.GetInstance(tagged, false))
            {
                var name = GeneralSubtree.GetInstance(subtree).Base;
                if (name.TagNo != GeneralName.DirectoryName)
                {
                    continue;
                }
                var dn = X509Name.GetInstance(name.Name);
                result.Add((dn.GetValueList(X509Name.O).FirstOrDefault(), dn.GetValueList(X509Name.SerialNumber).FirstOrDefault()));
            }
        }
        return result;
    }

    /// <summary>
    /// True when the eUICC certificate's subject (organisation and EID) lies in a range the EUM certificate permits
    /// (SGP.22 v2.5 §4.5.2.1.0.3).
    /// </summary>
    public static bool Permits(RspCertificate eum, RspCertificate euicc)
    {
        var ranges = FromCertificate(eum);
        if (ranges is null)
        {
            return true;
        }
        string? eid = euicc.SubjectSerialNumber;
        string? org = euicc.Subject.GetValueList(X509Name.O).FirstOrDefault();
        if (eid is null)
        {
            return false;
        }
        return ranges.Any(r =>
            (r.Organization is null || string.Equals(r.Organization, org, StringComparison.Ordinal)) &&
            (r.SerialNumberPrefix is null || eid.StartsWith(r.SerialNumberPrefix, StringComparison.Ordinal)));
    }
}
