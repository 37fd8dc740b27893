using Conformance.Rsp.Crypto;

namespace Conformance.Benchmarks;

/// <summary>The implementation under measurement.</summary>
public enum Library
{
    BouncyCastle,
    DotNet,

    /// <summary>OpenSSL's libcrypto called directly (ECKA only: <see cref="OpenSslEcka"/>).</summary>
    OpenSsl,
}

internal static class Libraries
{
    public static IEcdsaSha256 Ecdsa(Library library) => library switch
    {
        Library.BouncyCastle => BouncyCastleEcdsa.Instance,
        Library.DotNet => DotNetEcdsa.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(library), library, "no ECDSA implementation of that name"),
    };

    public static IEcka Ecka(Library library) => library switch
    {
        Library.BouncyCastle => BouncyCastleEcka.Instance,
        Library.DotNet => DotNetEcka.Instance,
        _ => OpenSslEcka.Instance,
    };
}
