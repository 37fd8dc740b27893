using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Conformance.Adapters.Http;

/// <summary>
/// Validates the SM-DP+ TLS certificate (CERT.DPtls, SGP.22 v2.5 §2.6.6) against the configured roots only
/// (never the system store) and checks that it names the SM-DP+ address. Remembers why the last refusal
/// happened so the failed request can say it.
/// </summary>
internal sealed class ServerCertificateValidator(X509Certificate2Collection roots, string expectedHost)
{
    private readonly Lock _lock = new();
    private (TlsFailureReason Reason, string Detail)? _last;

    /// <summary>The reason of the most recent refusal (the handshake error itself does not carry it).</summary>
    public (TlsFailureReason Reason, string Detail)? LastFailure
    {
        get
        {
            lock (_lock)
            {
                return _last;
            }
        }
    }

    public string ExpectedHost => expectedHost;

    /// <summary>Forgets the last refusal (called before each request).</summary>
    public void Forget()
    {
        lock (_lock)
        {
            _last = null;
        }
    }

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors)
    {
        (TlsFailureReason, string)? failure = Check(certificate, presented);
        lock (_lock)
        {
            _last = failure;
        }
        return failure is null;
    }

    private (TlsFailureReason, string)? Check(X509Certificate? certificate, X509Chain? presented)
    {
        if (certificate is null)
        {
            return (TlsFailureReason.NoCertificate, "the server presented no certificate");
        }
        using X509Certificate2 leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        if (presented is not null)
        {
            // Intermediates the server sent (and what the platform found): candidates only, never trusted by themselves.
            chain.ChainPolicy.ExtraStore.AddRange(presented.ChainPolicy.ExtraStore);
            foreach (X509ChainElement e in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(e.Certificate);
            }
        }
        if (!chain.Build(leaf))
        {
            X509ChainStatusFlags flags = chain.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (a, s) => a | s.Status);
            string detail = $"'{leaf.Subject}': {string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct())}";
            bool untrusted = (flags & (X509ChainStatusFlags.UntrustedRoot | X509ChainStatusFlags.PartialChain)) != 0;
            return (untrusted ? TlsFailureReason.UntrustedRoot : TlsFailureReason.InvalidChain, detail);
        }
        if (!leaf.MatchesHostname(expectedHost, allowWildcards: true, allowCommonName: false))
        {
            return (TlsFailureReason.NameMismatch, $"'{leaf.Subject}' is not valid for {expectedHost} (subjectAltName {SubjectAltNames(leaf)})");
        }
        return null;
    }

    private static string SubjectAltNames(X509Certificate2 cert)
    {
        X509SubjectAlternativeNameExtension? san = cert.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault();
        if (san is null)
        {
            return "absent";
        }
        IEnumerable<string> names = san.EnumerateDnsNames().Concat(san.EnumerateIPAddresses().Select(a => a.ToString()));
        return string.Join(", ", names);
    }
}
