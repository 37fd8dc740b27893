using Conformance.Rsp.Crypto;
using Org.BouncyCastle.Crypto.Parameters;

namespace Conformance.Rsp.Tests.Crypto;

/// <summary>Keys and values published by others (RFC 6979, RFC 7027, NIST CAVP, Wycheproof), never our output.</summary>
public static class KnownKeys
{
    public static byte[] Hex(string h) => Convert.FromHexString(h.Replace(" ", "", StringComparison.Ordinal));

    // RFC 6979 A.2.5: ECDSA, 256 bits (prime field) = P-256.
    public const string Rfc6979D = "C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721";
    public const string Rfc6979Ux = "60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6";
    public const string Rfc6979Uy = "7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299";
    // With SHA-256, message = "sample".
    public const string Rfc6979SampleR = "EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716";
    public const string Rfc6979SampleS = "F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8";
    // With SHA-256, message = "test".
    public const string Rfc6979TestR = "F1ABB023518351CD71D881567B1EA663ED3EFCF6C5132B354F28D3B0B7D38367";
    public const string Rfc6979TestS = "019F4113742A2B14BD25926B49C649155F267E60D3814B4C0CC84250E46F0083";

    // RFC 7027 A.1: brainpoolP256r1 ECDH.
    public const string Rfc7027DA = "81DB1EE100150FF2EA338D708271BE38300CB54241D79950F77B063039804F1D";
    public const string Rfc7027QA = "04" + "44106E913F92BC02A1705D9953A8414DB95E1AAA49E81D9E85F929A8E3100BE5"
        + "8AB4846F11CACCB73CE49CBDD120F5A900A69FD32C272223F789EF10EB089BDC";
    public const string Rfc7027DB = "55E40BC41E37E3E2AD25C3C6654511FFA8474A91A0032087593852D3E7D76BD3";
    public const string Rfc7027QB = "04" + "8D2D688C6CF93E1160AD04CC4429117DC2C41825E1E9FCA0ADDD34E6F1B39F7B"
        + "990C57520812BE512641E47034832106BC7D3E8DD0E4C7F1136D7006547CEC6A";
    public const string Rfc7027Z = "89AFC39D41D3B327814B80940B042590F96556EC91E6AE7939BCE31F3A18BF2B";

    // NIST CAVP KAS ECC CDH primitive (SP 800-56A), P-256 COUNT = 0.
    public const string CavpQcavs = "04" + "700c48f77f56584c5cc632ca65640db91b6bacce3a4df6b42ce7cc838833d287"
        + "db71e509e3fd9b060ddb20ba5c51dcc5948d46fbf640dfe0441782cab85fa4ac";
    public const string CavpDIut = "7d7dc5f71eb29ddaf80d6214632eeae03d9058af1fb6d22ed80badb62bc1a534";
    public const string CavpQIut = "04" + "ead218590119e8876b29146ff89ca61770c4edbbf97d38ce385ed281d8a6b230"
        + "28af61281fd35e2fa7002523acc85a429cb06ee6648325389f59edfce1405141";
    public const string CavpZ = "46fc62106420ff012e54a434fbdd2d25ccc5852060561e68040dd7778997bd7b";

    // Wycheproof ecdsa_brainpoolP256r1_sha256_p1363_test.json, first test group.
    public const string WycheproofBrpPoint = "04019a2d9637743a63ddaefdbca0ee229a163b809b9b145e5313bbeb8defeab9d6"
        + "548caf89bf5ba49499404145651234336401b9b2843a579ed152e090f11b9e59";
    public const string WycheproofBrpSpki = "305a301406072a8648ce3d020106092b240303020801010703420004019a2d9637743a63ddaefdbca0ee229a163b809b9b145e5313bbeb8defeab9d6548caf89bf5ba49499404145651234336401b9b2843a579ed152e090f11b9e59";
    public const string WycheproofMsg = "313233343030";
    /// <summary>tcId 1, valid.</summary>
    public const string WycheproofValidSig = "0a5f8c70ba2d0842d5d0f841f160ad15195769a8159bfe692634d73d469d111f426e857aad3ff7aa96e4d200c03b45f1846a36d089ee3917768ca1a0d6d4da6e";
    /// <summary>tcId 2, "replaced r by r + n", invalid.</summary>
    public const string WycheproofRPlusN = "b45ae44c5c1bb1ff143702d28ee43a86a590e44bcafda560b652e5bfdde567c6678cd260f4aeb211a781388fdd48478007cf43d32b736de019916ce1c0737c39";
    /// <summary>tcId 4, "replaced r by n - r", invalid.</summary>
    public const string WycheproofNMinusR = "9f9bcb6ae7c1a1796895124eac22e05c72e210fb9fc5a88e69e9374550ab4588678cd260f4aeb211a781388fdd48478007cf43d32b736de019916ce1c0737c39";
    /// <summary>tcId 11, r = 0 and s = 0, invalid.</summary>
    public const string WycheproofZeroZero = "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000";
    /// <summary>tcId 19, r = 1 and s = 1, invalid.</summary>
    public const string WycheproofOneOne = "00000000000000000000000000000000000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000001";

    public static ECPrivateKeyParameters Private(RspCurve curve, string d) => EcKeys.PrivateKey(curve, Hex(d));

    public static ECPublicKeyParameters Public(RspCurve curve, string point) => EcKeys.PublicKeyFromUncompressedPoint(curve, Hex(point));

    public static IEcdsaSha256[] Ecdsas => [BouncyCastleEcdsa.Instance, DotNetEcdsa.Instance, CachedKeyEcdsa.Instance];

    public static IEcka[] Eckas => [BouncyCastleEcka.Instance, DotNetEcka.Instance, OpenSslEcka.Instance];
}
