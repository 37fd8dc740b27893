using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace Conformance.Rsp.Crypto;

/// <summary>
/// An ephemeral ECKA key pair (otSK/otPK.EUICC.ECKA, otSK/otPK.DP.ECKA), generated for one
/// profile download on the curve of the session (SGP.22 v2.5 §3.1.3, §2.6.5; BSI TR-03111 §4.3.1).
/// </summary>
public sealed record OneTimeKeyPair(ECPrivateKeyParameters Private, ECPublicKeyParameters Public)
{
    /// <summary>The curve of the pair.</summary>
    public RspCurve Curve => EcKeys.CurveOf(Public.Parameters);

    /// <summary>The public key as SGP.22 carries it in [APPLICATION 73]: 04||X||Y.</summary>
    public byte[] PublicPoint => EcKeys.ToUncompressedPoint(Public);

    /// <summary>
    /// Generates a key pair on <paramref name="curve"/>: with OpenSSL's generator when <paramref name="random"/> is
    /// null (<see cref="OpenSslEc"/>, else through .NET; several times faster than BouncyCastle's), else with
    /// BouncyCastle's from that source; tests inject a deterministic one to get a known pair.
    /// </summary>
    public static OneTimeKeyPair Generate(RspCurve curve, SecureRandom? random = null)
    {
        if (random is null)
        {
            byte[] d, q;
            if (OpenSslEc.IsAvailable)
            {
                (d, q) = OpenSslEc.GenerateKeyPair(curve);
            }
            else
            {
                using var fresh = System.Security.Cryptography.ECDiffieHellman.Create(DotNetKeys.Curve(curve));
                System.Security.Cryptography.ECParameters p = fresh.ExportParameters(includePrivateParameters: true);
                (d, q) = (p.D!, [0x04, .. p.Q.X!, .. p.Q.Y!]);
            }
            try
            {
                return new OneTimeKeyPair(EcKeys.PrivateKey(curve, d), EcKeys.PublicKeyFromUncompressedPoint(curve, q));
            }
            finally
            {
                System.Security.Cryptography.CryptographicOperations.ZeroMemory(d);
            }
        }

        var generator = new ECKeyPairGenerator("EC");
        generator.Init(new ECKeyGenerationParameters(curve.DomainParameters(), random ?? new SecureRandom()));
        AsymmetricCipherKeyPair pair = generator.GenerateKeyPair();
        return new OneTimeKeyPair((ECPrivateKeyParameters)pair.Private, (ECPublicKeyParameters)pair.Public);
    }
}
