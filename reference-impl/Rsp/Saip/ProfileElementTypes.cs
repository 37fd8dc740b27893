namespace Conformance.Rsp.Saip;

/// <summary>
/// The alternatives of the SAIP <c>ProfileElement</c> CHOICE (TCA eUICC Profile Package: Interoperable
/// Format Technical Specification v2.x, automatic tags): the tag number of each element is its position
/// in the CHOICE. Context-specific constructed, so <c>header</c> is A0, <c>end</c> AA, <c>mf</c> B0.
/// </summary>
public static class ProfileElementTypes
{
    private static readonly string[] Names =
    [
        "header", "genericFileManagement", "pinCodes", "pukCodes", "akaParameter", "cdmaParameter",
        "securityDomain", "rfm", "application", "nonStandard", "end", "rfu1", "rfu2", "rfu3", "rfu4", "rfu5",
        "mf", "cd", "telecom", "usim", "opt-usim", "isim", "opt-isim", "phonebook", "gsm-access", "csim",
        "opt-csim", "eap", "df-5gs", "df-saip",
    ];

    public const int Header = 0;
    public const int NonStandard = 9;
    public const int End = 10;
    public const int Mf = 16;
    public const int PinCodes = 2;
    public const int PukCodes = 3;
    public const int AkaParameter = 4;

    /// <summary>The element's name in the SAIP ASN.1 module, or <c>unknown[n]</c>.</summary>
    public static string Name(int tagNumber) =>
        tagNumber >= 0 && tagNumber < Names.Length ? Names[tagNumber] : $"unknown[{tagNumber}]";
}
