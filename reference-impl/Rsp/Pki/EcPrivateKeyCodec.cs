using System.Text;
using Conformance.Rsp.Crypto;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pkcs;

namespace Conformance.Rsp.Pki;

/// <summary>
/// EC private keys in files: written as SEC1 "EC PRIVATE KEY" PEM (RFC 5915, the form of the SGP.26
/// SK_*.pem files, with the named curve and the public key); read from SEC1 or PKCS#8 "PRIVATE KEY"
/// PEM, or from the same structures as raw DER. An "EC PARAMETERS" block before the key is ignored.
/// Keys come back on the harness's <see cref="RspCurves.DomainParameters"/> for their curve.
/// </summary>
public static class EcPrivateKeyCodec
{
    public static byte[] ToSec1Der(ECPrivateKeyParameters key)
    {
        var info = PrivateKeyInfoFactory.CreatePrivateKeyInfo(key);
        return info.ParsePrivateKey().GetDerEncoded();
    }

    public static string ToSec1Pem(ECPrivateKeyParameters key) => PemCodec.Encode("EC PRIVATE KEY", ToSec1Der(key));

    /// <summary>Reads a key file's bytes; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static ECPrivateKeyParameters Read(ReadOnlySpan<byte> file)
    {
        if (PemCodec.LooksLikePem(file))
        {
            var blocks = PemCodec.Decode(Encoding.ASCII.GetString(file));
            // `openssl ecparam -genkey` writes an EC PARAMETERS block (the curve OID) before the key: it names the
            // curve of a SEC1 key that carries none.
            DerObjectIdentifier? named = null;
            foreach (var (label, der) in blocks)
            {
                switch (label)
                {
                    case "EC PARAMETERS":
                        named = Parse(der, "EC PARAMETERS") as DerObjectIdentifier;
                        break;
                    case "EC PRIVATE KEY":
                        return FromSec1(der, null, named);
                    case "PRIVATE KEY":
                        return FromPkcs8(der);
                    case "ENCRYPTED PRIVATE KEY":
                        throw new FormatException("encrypted PKCS#8 keys are not supported");
                    default:
                        break;
                }
            }
            throw new FormatException($"no EC PRIVATE KEY or PRIVATE KEY block (found: {string.Join(", ", blocks.Select(b => b.Label))})");
        }
        byte[] bytes = file.ToArray();
        try
        {
            return FromPkcs8(bytes);
        }
        catch (Exception e) when (e is ArgumentException or InvalidCastException or IOException or FormatException)
        {
            return FromSec1(bytes, null);
        }
    }

    private static ECPrivateKeyParameters FromPkcs8(byte[] der)
    {
        var info = PrivateKeyInfo.GetInstance(Parse(der, "PKCS#8 PrivateKeyInfo"));
        if (!info.PrivateKeyAlgorithm.Algorithm.Equals(Org.BouncyCastle.Asn1.X9.X9ObjectIdentifiers.IdECPublicKey))
        {
            throw new FormatException($"PKCS#8 key algorithm {info.PrivateKeyAlgorithm.Algorithm.Id} is not id-ecPublicKey");
        }
        return FromSec1(info.PrivateKey.GetOctets(), info.PrivateKeyAlgorithm.Parameters as DerObjectIdentifier);
    }

    private static ECPrivateKeyParameters FromSec1(byte[] der, DerObjectIdentifier? outerCurve, DerObjectIdentifier? fallbackCurve = null)
    {
        var sec1 = ECPrivateKeyStructure.GetInstance(Parse(der, "SEC1 ECPrivateKey"));
        var curveOid = outerCurve ?? sec1.Parameters as DerObjectIdentifier ?? fallbackCurve
            ?? throw new FormatException("the key names no curve (explicit or absent EC parameters)");
        var curve = RspCurves.FromOid(curveOid.Id) ?? throw new FormatException($"key curve {curveOid.Id} is not P-256 or brainpoolP256r1");
        var domain = curve.DomainParameters();
        var d = sec1.GetKey();
        if (d.SignValue <= 0 || d.CompareTo(domain.N) >= 0)
        {
            throw new FormatException("private key value out of range");
        }
        return new ECPrivateKeyParameters(d, domain);
    }

    private static Asn1Object Parse(byte[] der, string what)
    {
        try
        {
            return Asn1Object.FromByteArray(der);
        }
        catch (IOException e)
        {
            throw new FormatException($"malformed {what}: {e.Message}", e);
        }
    }
}
