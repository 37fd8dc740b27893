using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Conformance.SmdpPlus.Hosting;

/// <summary>
/// Checks an ES2+ caller's TLS client certificate against the configured operator CA (mutual TLS,
/// SGP.22 v2.5 §2.6.6 / §6.5: ES2+ is protected by mutually authenticated TLS).
/// </summary>
public sealed class OperatorCertificateValidator(X509Certificate2Collection trustedCas)
{
    private static readonly Oid ClientAuth = new("1.3.6.1.5.5.7.3.2", "Client Authentication");

    /// <summary>Null when the certificate is acceptable, otherwise the reason it is refused.</summary>
    public string? Refusal(X509Certificate2? certificate)
    {
        if (certificate is null)
        {
            return "no TLS client certificate was presented (ES2+ requires mutual TLS)";
        }

        if (trustedCas.Count == 0)
        {
            return "the SM-DP+ has no operator CA configured, so no ES2+ client can be trusted";
        }

        // RFC 5280 §4.2.1.9: a cA certificate certifies keys, it is no client's own; the operator presents its leaf.
        if (certificate.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault() is { CertificateAuthority: true })
        {
            return $"the TLS client certificate '{certificate.Subject}' is a CA certificate (basicConstraints cA=TRUE), not an operator's client certificate";
        }

        // RFC 5280 §4.2.1.3 with RFC 8446 §4.4.2.4 / RFC 5246 §7.4.8: a client proves its key by signing the handshake,
        // so a keyUsage that is there must allow digitalSignature.
        if (certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault() is { } usage
            && !usage.KeyUsages.HasFlag(X509KeyUsageFlags.DigitalSignature))
        {
            return $"the TLS client certificate '{certificate.Subject}' has a keyUsage ({usage.KeyUsages}) without digitalSignature, so it cannot authenticate a TLS client";
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trustedCas);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        // A certificate with an extended key usage must allow client authentication.
        chain.ChainPolicy.ApplicationPolicy.Add(ClientAuth);
        if (chain.Build(certificate))
        {
            return null;
        }

        string problems = string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Distinct());
        return $"the TLS client certificate '{certificate.Subject}' is not trusted: {problems}";
    }
}
