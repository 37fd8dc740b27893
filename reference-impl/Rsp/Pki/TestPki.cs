using Conformance.Rsp.Crypto;
using Org.BouncyCastle.Crypto.Parameters;

namespace Conformance.Rsp.Pki;

/// <summary>A certificate with its private key (null when the key is not known, e.g. a GSMA CI).</summary>
public sealed record IssuedCertificate(PkiItem Item, RspCertificate Certificate, ECPrivateKeyParameters? PrivateKey)
{
    public CertificateRole Role => Item.Role();

    /// <summary>The private key, or an exception naming the item when it was not loaded.</summary>
    public ECPrivateKeyParameters RequirePrivateKey() =>
        PrivateKey ?? throw new InvalidOperationException($"no private key for {Item} ({Certificate.Subject})");
}

/// <summary>The certificates of one curve, by item. The SGP.26 core is always there; negative variants may not be.</summary>
public sealed class CurvePki(RspCurve curve, IReadOnlyDictionary<PkiItem, IssuedCertificate> items)
{
    public RspCurve Curve { get; } = curve;

    public IReadOnlyDictionary<PkiItem, IssuedCertificate> Items { get; } = items;

    public IssuedCertificate this[PkiItem item] =>
        Items.TryGetValue(item, out var c) ? c : throw new KeyNotFoundException($"the {Curve.ShortName()} PKI has no {item}");

    public IssuedCertificate Ci => this[PkiItem.Ci];

    public IssuedCertificate Eum => this[PkiItem.Eum];

    public IssuedCertificate Euicc => this[PkiItem.Euicc];

    public IssuedCertificate DpAuth => this[PkiItem.DpAuth];

    public IssuedCertificate DpPb => this[PkiItem.DpPb];

    public IssuedCertificate DpTls => this[PkiItem.DpTls];

    /// <summary>CERT.DSauth.ECDSA (generated PKIs always have it; a loaded set may not).</summary>
    public IssuedCertificate DsAuth => this[PkiItem.DsAuth];

    public IssuedCertificate DsTls => this[PkiItem.DsTls];

    /// <summary>A validator trusting this curve's CI only.</summary>
    public RspCertificateValidator Validator() => new([Ci.Certificate]);
}

/// <summary>The ES2+ operator's own TLS PKI (not GSMA; see <see cref="OperatorCertificateProfiles"/>).</summary>
public sealed record OperatorPki(RspCertificate Ca, ECPrivateKeyParameters? CaKey, RspCertificate Client, ECPrivateKeyParameters? ClientKey);

/// <summary>A whole test PKI: one <see cref="CurvePki"/> per curve, plus the operator PKI for ES2+.</summary>
public sealed record TestPki(IReadOnlyList<CurvePki> Curves, OperatorPki? Operator)
{
    public CurvePki For(RspCurve curve) =>
        Curves.FirstOrDefault(c => c.Curve == curve) ?? throw new KeyNotFoundException($"no {curve.ShortName()} certificates in this PKI");

    /// <summary>A validator trusting the CIs of every curve.</summary>
    public RspCertificateValidator Validator() => new(Curves.Select(c => c.Ci.Certificate));
}
