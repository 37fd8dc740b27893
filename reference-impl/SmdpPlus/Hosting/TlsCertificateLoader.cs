using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Conformance.Rsp.Crypto;

namespace Conformance.SmdpPlus.Hosting;

/// <summary>
/// Loads the TLS server certificate (CERT.DPtls) with its EC private key from PEM or DER files, and the
/// trusted operator CA. SGP.22 §2.6.6: TLS certificates use P-256 or brainpoolP256r1 keys.
/// </summary>
public static class TlsCertificateLoader
{
    /// <summary>The server certificate with its private key, ready for Kestrel.</summary>
    public static X509Certificate2 LoadServerCertificate(SmdpOptions options)
    {
        X509Certificate2 cert;
        if (options.TlsCertificatePath is { } certPath)
        {
            cert = FromFiles(certPath, options.TlsKeyPath);
        }
        else
        {
            cert = options.TlsCertificate ?? throw new InvalidOperationException(
                "the SM-DP+ needs a TLS certificate: set TlsCertificatePath (+ TlsKeyPath) or TlsCertificate");
        }

        if (!cert.HasPrivateKey)
        {
            throw new InvalidOperationException($"the TLS certificate '{cert.Subject}' comes without its private key");
        }

        using ECDsa? key = cert.GetECDsaPublicKey();
        string? curveOid = key?.ExportParameters(false).Curve.Oid?.Value;
        if (curveOid is null || RspCurves.FromOid(curveOid) is null)
        {
            throw new InvalidOperationException(
                $"the TLS certificate '{cert.Subject}' must have an EC key on P-256 or brainpoolP256r1 (found {curveOid ?? "no EC key"})");
        }

        // SslStream on Linux wants a certificate whose key it can hand to OpenSSL; a PKCS#12 round trip gives that.
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>Intermediate certificates to send with the server certificate, or null.</summary>
    public static X509Certificate2Collection? LoadChain(SmdpOptions options) =>
        options.TlsChainPath is { } path ? LoadCertificates(path) : options.TlsChain;

    /// <summary>The operator CA certificates trusted for ES2+ client certificates (empty when none configured).</summary>
    public static X509Certificate2Collection LoadOperatorCa(SmdpOptions options) =>
        options.OperatorClientCaPath is { } path ? LoadCertificates(path) : options.OperatorClientCa ?? [];

    /// <summary>Every certificate of a PEM bundle, or the one certificate of a DER file.</summary>
    public static X509Certificate2Collection LoadCertificates(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        var result = new X509Certificate2Collection();
        if (IsPem(bytes))
        {
            result.ImportFromPem(Encoding.ASCII.GetString(bytes));
        }
        else
        {
            result.Add(X509CertificateLoader.LoadCertificate(bytes));
        }

        return result.Count > 0 ? result : throw new InvalidOperationException($"no certificate found in {path}");
    }

    private static X509Certificate2 FromFiles(string certPath, string? keyPath)
    {
        byte[] certBytes = File.ReadAllBytes(certPath);
        if (IsPem(certBytes))
        {
            return keyPath is null ? X509Certificate2.CreateFromPemFile(certPath) : X509Certificate2.CreateFromPemFile(certPath, keyPath);
        }

        X509Certificate2 cert = X509CertificateLoader.LoadCertificate(certBytes);
        if (keyPath is null)
        {
            throw new InvalidOperationException($"{certPath} is a DER certificate: give its private key in TlsKeyPath");
        }

        using ECDsa key = LoadKey(keyPath);
        return cert.CopyWithPrivateKey(key);
    }

    private static ECDsa LoadKey(string keyPath)
    {
        byte[] bytes = File.ReadAllBytes(keyPath);
        var key = ECDsa.Create();
        try
        {
            if (IsPem(bytes))
            {
                key.ImportFromPem(Encoding.ASCII.GetString(bytes));
                return key;
            }

            try
            {
                key.ImportPkcs8PrivateKey(bytes, out _);
            }
            catch (CryptographicException)
            {
                key.ImportECPrivateKey(bytes, out _);
            }

            return key;
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            key.Dispose();
            throw new InvalidOperationException($"{keyPath} holds no EC private key in PEM, PKCS#8 DER or SEC1 DER: {e.Message}", e);
        }
    }

    private static bool IsPem(byte[] bytes) => Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 4096)).Contains("-----BEGIN", StringComparison.Ordinal);
}
