using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Conformance.Rsp.Crypto;

/// <summary>
/// ECDSA-SHA256 with r||s signatures (SGP.22 v2.5 §2.6.5) on one key imported once into .NET's
/// <see cref="ECDsa"/> (OpenSSL on Linux). Importing a key costs a point validation (a scalar
/// multiplication on brainpoolP256r1), so the imported objects are kept in a small pool and reused
/// by concurrent calls instead of being re-imported per signature.
/// </summary>
public sealed class PooledEcdsa : IDisposable
{
    private const int MaxPooled = 16;
    private readonly ECParameters _parameters;
    private readonly ConcurrentBag<ECDsa> _pool = [];

    public PooledEcdsa(ECParameters parameters)
    {
        _parameters = parameters;
        // Import once now, so that a key OpenSSL refuses fails here and not in the middle of a call.
        _pool.Add(ECDsa.Create(parameters));
    }

    public bool HasPrivateKey => _parameters.D is not null;

    public byte[] Sign(ReadOnlySpan<byte> data)
    {
        ECDsa key = Rent();
        try
        {
            return key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        finally
        {
            Return(key);
        }
    }

    /// <summary>True when <paramref name="signature"/> is a 64-byte r||s that verifies; false for anything else.</summary>
    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != 64)
        {
            return false;
        }
        ECDsa key = Rent();
        try
        {
            return key.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        catch (CryptographicException)
        {
            return false;
        }
        finally
        {
            Return(key);
        }
    }

    private ECDsa Rent() => _pool.TryTake(out ECDsa? key) ? key : ECDsa.Create(_parameters);

    private void Return(ECDsa key)
    {
        if (_pool.Count < MaxPooled)
        {
            _pool.Add(key);
        }
        else
        {
            key.Dispose();
        }
    }

    public void Dispose()
    {
        while (_pool.TryTake(out ECDsa? key))
        {
            key.Dispose();
        }
    }
}
