using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Conformance.Rsp.Crypto;

/// <summary>
/// One-time EC key pairs and ECKA-DH (BSI TR-03111 §4.3.1, SGP.22 v2.5 §2.6.5, §3.1.3) computed by OpenSSL's
/// libcrypto directly, the library .NET's own <see cref="ECDiffieHellman"/> calls on Linux.
/// <para>
/// Why not through <see cref="ECDiffieHellman"/>: every key it imports goes through EC_KEY_check_key, and its
/// derivation through EVP_PKEY_public_check; each adds full scalar multiplications (n·Q, d·G) to the one that
/// ECKA needs. Counted with uprobes on P-256: 3 multiplications per generated key and 6–7 per shared secret,
/// 140 µs and 575 µs per call, where this class does 1 each (about 18 µs and 71 µs). Both ends of every
/// download generate a key and compute a shared secret, so that was a fifth of each side's CPU.
/// </para>
/// <para>
/// The other party's point gets the validation BSI TR-03111 §3.1.2 asks for: the uncompressed encoding
/// 04||X||Y of 65 bytes, coordinates below p (EC_POINT_oct2point refuses others) and on the curve
/// (EC_POINT_oct2point checks it). Both SGP.22 curves have cofactor 1, so every point of the curve other than
/// the point at infinity (which has no uncompressed encoding) is of order n, and the n·Q check adds nothing.
/// </para>
/// Where libcrypto.so.3 cannot be loaded (another OS, OpenSSL 1.1), <see cref="IsAvailable"/> is false and callers
/// use .NET's classes.
/// </summary>
public static unsafe partial class OpenSslEc
{
    private const string LibCrypto = "libcrypto.so.3";
    private const int UncompressedForm = 4; // POINT_CONVERSION_UNCOMPRESSED

    private static readonly Lazy<nint[]?> Groups = new(LoadGroups);

    /// <summary>True when libcrypto.so.3 is loaded and knows both SGP.22 curves.</summary>
    public static bool IsAvailable => Groups.Value is not null;

    /// <summary>A fresh key pair: the private scalar d (32 bytes big-endian) and the point Q = d·G as 04||X||Y.</summary>
    public static (byte[] D, byte[] Q) GenerateKeyPair(RspCurve curve)
    {
        nint group = Group(curve);
        nint key = NewKey(group);
        try
        {
            Check(EC_KEY_generate_key(key) == 1, "EC_KEY_generate_key");
            var d = new byte[EcKeys.FieldLength];
            fixed (byte* pd = d)
            {
                Check(EC_KEY_priv2oct(key, pd, (nuint)d.Length) == (nuint)d.Length, "EC_KEY_priv2oct");
            }
            return (d, Uncompressed(group, EC_KEY_get0_public_key(key)));
        }
        finally
        {
            EC_KEY_free(key);
        }
    }

    /// <summary>The point d·G (04||X||Y) of a private scalar, as when a one-time key is used again.</summary>
    public static byte[] PublicPoint(RspCurve curve, ReadOnlySpan<byte> d)
    {
        CheckScalar(d);
        nint group = Group(curve);
        nint point = EC_POINT_new(group);
        nint scalar = 0;
        try
        {
            fixed (byte* pd = d)
            {
                scalar = BN_bin2bn(pd, d.Length, 0);
            }
            Check(scalar != 0 && EC_POINT_mul(group, point, scalar, 0, 0, 0) == 1, "EC_POINT_mul");
            return Uncompressed(group, point);
        }
        finally
        {
            BN_clear_free(scalar);
            EC_POINT_free(point);
        }
    }

    /// <summary>
    /// ShS, the x-coordinate of d·Q (32 bytes big-endian). Throws <see cref="CryptographicException"/> when
    /// <paramref name="otherPoint"/> is not an uncompressed point of <paramref name="curve"/>.
    /// </summary>
    public static byte[] SharedSecret(RspCurve curve, ReadOnlySpan<byte> d, ReadOnlySpan<byte> otherPoint)
    {
        CheckScalar(d);
        if (otherPoint.Length != EcKeys.UncompressedPointLength || otherPoint[0] != 0x04)
        {
            throw new CryptographicException($"the other party's key is not an uncompressed point of {EcKeys.UncompressedPointLength} bytes (04||X||Y)");
        }
        nint group = Group(curve);
        nint key = NewKey(group);
        nint point = EC_POINT_new(group);
        try
        {
            var z = new byte[EcKeys.FieldLength];
            fixed (byte* pd = d, pq = otherPoint, pz = z)
            {
                Check(EC_KEY_oct2priv(key, pd, (nuint)d.Length) == 1, "EC_KEY_oct2priv");
                if (point == 0 || EC_POINT_oct2point(group, point, pq, (nuint)otherPoint.Length, 0) != 1)
                {
                    throw new CryptographicException($"the other party's key is not a point of {curve}: {TakeErrors()}");
                }
                Check(ECDH_compute_key(pz, (nuint)z.Length, point, key, 0) == z.Length, "ECDH_compute_key");
            }
            return z;
        }
        finally
        {
            EC_POINT_free(point);
            EC_KEY_free(key);
        }
    }

    /// <summary>A point of <paramref name="group"/> as 04||X||Y.</summary>
    private static byte[] Uncompressed(nint group, nint point)
    {
        var q = new byte[EcKeys.UncompressedPointLength];
        fixed (byte* pq = q)
        {
            Check(EC_POINT_point2oct(group, point, UncompressedForm, pq, (nuint)q.Length, 0) == (nuint)q.Length, "EC_POINT_point2oct");
        }
        return q;
    }

    private static void CheckScalar(ReadOnlySpan<byte> d)
    {
        if (d.Length != EcKeys.FieldLength)
        {
            throw new CryptographicException($"a private scalar is {EcKeys.FieldLength} bytes, got {d.Length}");
        }
    }

    private static nint Group(RspCurve curve)
    {
        nint[] groups = Groups.Value ?? throw new PlatformNotSupportedException($"{LibCrypto} with {curve} is not available");
        return groups[(int)curve];
    }

    private static nint NewKey(nint group)
    {
        nint key = EC_KEY_new();
        if (key == 0 || EC_KEY_set_group(key, group) != 1)
        {
            EC_KEY_free(key);
            throw Failure("EC_KEY_set_group");
        }
        return key;
    }

    /// <summary>The curves' groups, built once for the process (read-only afterwards, so shared by every thread).</summary>
    private static nint[]? LoadGroups()
    {
        try
        {
            var groups = new nint[2];
            foreach (RspCurve curve in new[] { RspCurve.NistP256, RspCurve.BrainpoolP256r1 })
            {
                int nid = OBJ_txt2nid(curve.Oid());
                groups[(int)curve] = nid == 0 ? 0 : EC_GROUP_new_by_curve_name(nid);
                if (groups[(int)curve] == 0)
                {
                    TakeErrors();
                    return null;
                }
            }
            return groups;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            return null;
        }
    }

    private static void Check(bool ok, string function)
    {
        if (!ok)
        {
            throw Failure(function);
        }
    }

    private static CryptographicException Failure(string function) => new($"{function} failed: {TakeErrors()}");

    /// <summary>Empties this thread's OpenSSL error queue (so no later call sees a stale error) and describes it.</summary>
    private static string TakeErrors()
    {
        var texts = new List<string>();
        byte* buffer = stackalloc byte[256];
        for (ulong e = ERR_get_error(); e != 0; e = ERR_get_error())
        {
            ERR_error_string_n(e, buffer, 256);
            texts.Add(Marshal.PtrToStringUTF8((nint)buffer) ?? e.ToString("X", System.Globalization.CultureInfo.InvariantCulture));
        }
        return texts.Count == 0 ? "no OpenSSL error recorded" : string.Join("; ", texts);
    }

    [LibraryImport(LibCrypto, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OBJ_txt2nid(string oid);

    [LibraryImport(LibCrypto)]
    private static partial nint EC_GROUP_new_by_curve_name(int nid);

    [LibraryImport(LibCrypto)]
    private static partial nint EC_KEY_new();

    [LibraryImport(LibCrypto)]
    private static partial int EC_KEY_set_group(nint key, nint group);

    [LibraryImport(LibCrypto)]
    private static partial void EC_KEY_free(nint key);

    [LibraryImport(LibCrypto)]
    private static partial int EC_KEY_generate_key(nint key);

    [LibraryImport(LibCrypto)]
    private static partial nuint EC_KEY_priv2oct(nint key, byte* buffer, nuint length);

    [LibraryImport(LibCrypto)]
    private static partial int EC_KEY_oct2priv(nint key, byte* buffer, nuint length);

    [LibraryImport(LibCrypto)]
    private static partial nint EC_KEY_get0_public_key(nint key);

    [LibraryImport(LibCrypto)]
    private static partial nint EC_POINT_new(nint group);

    [LibraryImport(LibCrypto)]
    private static partial void EC_POINT_free(nint point);

    [LibraryImport(LibCrypto)]
    private static partial int EC_POINT_oct2point(nint group, nint point, byte* buffer, nuint length, nint bnContext);

    [LibraryImport(LibCrypto)]
    private static partial nuint EC_POINT_point2oct(nint group, nint point, int form, byte* buffer, nuint length, nint bnContext);

    [LibraryImport(LibCrypto)]
    private static partial int EC_POINT_mul(nint group, nint result, nint generatorScalar, nint point, nint pointScalar, nint bnContext);

    [LibraryImport(LibCrypto)]
    private static partial nint BN_bin2bn(byte* buffer, int length, nint result);

    [LibraryImport(LibCrypto)]
    private static partial void BN_clear_free(nint bn);

    [LibraryImport(LibCrypto)]
    private static partial int ECDH_compute_key(byte* output, nuint length, nint publicPoint, nint key, nint kdf);

    [LibraryImport(LibCrypto)]
    private static partial ulong ERR_get_error();

    [LibraryImport(LibCrypto)]
    private static partial void ERR_error_string_n(ulong error, byte* buffer, nuint length);
}
