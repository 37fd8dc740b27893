using Conformance.Rsp.Crypto;

namespace Conformance.Benchmarks;

/// <summary>The implementation under measurement.</summary>
public enum Library
{
    BouncyCastle,
    DotNet,
}

internal static class Libraries
{
    public static IEcdsaSha256 Ecdsa(Library library) => library == Library.BouncyCastle ? BouncyCastleEcdsa.Instance : DotNetEcdsa.Instance;

    public static IEcka Ecka(Library library) => library == Library.BouncyCastle ? BouncyCastleEcka.Instance : DotNetEcka.Instance;
}
