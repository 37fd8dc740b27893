using System.Collections.Concurrent;
using System.Security.Cryptography;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;
using Conformance.SmdpPlus.Crypto;

namespace Conformance.SmdpPlus.Es9Plus;

/// <summary>
/// Validates eUICC/EUM chains (SGP.22 v2.5 §4.5.2.1) and keeps, per chain, the outcome of a successful
/// validation and the eUICC's public key imported once, so that repeated downloads by the same eUICC do not
/// repeat the certificate signature checks. Entries expire after <see cref="Lifetime"/> (and never outlive a
/// certificate's notAfter); failures are never cached. Bounded: the cache is emptied when full.
/// </summary>
public sealed class EuiccChainCache(RspCertificateValidator validator, int capacity = 4096)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, Entry> _chains = new();
    private readonly ConcurrentDictionary<string, (PooledEcdsa Key, string? Eid)> _keys = new();

    private sealed record Entry(CertificateValidationResult Result, DateTimeOffset ValidUntil);

    /// <summary>The validation result of an eUICC certificate with its EUM certificate at <paramref name="now"/>.</summary>
    public CertificateValidationResult Validate(byte[] euiccDer, byte[] eumDer, DateTimeOffset now)
    {
        string id = Id(euiccDer, eumDer);
        if (_chains.TryGetValue(id, out Entry? cached) && now < cached.ValidUntil)
        {
            return cached.Result;
        }
        CertificateValidationResult result = validator.ValidateEuiccChain(euiccDer, eumDer, now);
        if (result.IsValid)
        {
            DateTimeOffset until = now + Lifetime;
            foreach (byte[] der in new[] { euiccDer, eumDer })
            {
                DateTimeOffset notAfter = new(RspCertificate.Parse(der).Certificate.NotAfter.ToUniversalTime());
                until = notAfter < until ? notAfter : until;
            }
            Bound(_chains);
            _chains[id] = new Entry(result, until);
        }
        return result;
    }

    /// <summary>The eUICC certificate's public key, imported once; null when the DER is not a certificate with an SGP.22 EC key.</summary>
    public PooledEcdsa? KeyOf(byte[] certificateDer) => Lookup(certificateDer)?.Key;

    /// <summary>The EID (subject serialNumber) of an eUICC certificate, parsed once; null when there is none.</summary>
    public string? EidOf(byte[] certificateDer) => Lookup(certificateDer)?.Eid;

    private (PooledEcdsa Key, string? Eid)? Lookup(byte[] certificateDer)
    {
        string id = Convert.ToHexString(SHA256.HashData(certificateDer));
        if (_keys.TryGetValue(id, out var known))
        {
            return known;
        }
        PooledEcdsa key;
        if (!RspCertificate.TryParse(certificateDer, out RspCertificate? cert, out _) || cert.PublicKey is not { } pk || cert.Curve is null)
        {
            return null;
        }
        try
        {
            key = new PooledEcdsa(OpenSslKeys.Public(pk));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
        Bound(_keys);
        return _keys.GetOrAdd(id, (key, cert.SubjectSerialNumber));
    }

    private void Bound<T>(ConcurrentDictionary<string, T> map)
    {
        if (map.Count >= capacity)
        {
            map.Clear();
        }
    }

    private static string Id(byte[] a, byte[] b)
    {
        using var h = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        h.AppendData(a);
        h.AppendData(b);
        return Convert.ToHexString(h.GetHashAndReset());
    }
}
