using System.Text;

namespace Conformance.Rsp.Tests.Asn1.Auth;

/// <summary>
/// DER vectors assembled by hand with a minimal TLV builder (not our AsnWriter-based encoders), every tag
/// written literally from the SGP.22 RSPDefinitions module (v2.5 text, AUTOMATIC TAGS), plus encodings
/// captured from real eUICCs in public issue threads.
/// </summary>
internal static class SpecVectors
{
    public static byte[] H(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));

    public static byte[] U(string s) => Encoding.UTF8.GetBytes(s);

    /// <summary>One TLV with a DER definite length (short form, 81 xx or 82 xx xx).</summary>
    public static byte[] Tlv(string tagHex, params byte[][] parts)
    {
        byte[] content = parts.SelectMany(p => p).ToArray();
        int n = content.Length;
        byte[] length = n < 0x80 ? [(byte)n] : n < 0x100 ? [0x81, (byte)n] : [0x82, (byte)(n >> 8), (byte)n];
        return [.. H(tagHex), .. length, .. content];
    }

    // ---- Real encodings (public lpac / onomondo traces) ----

    /// <summary>EUICCInfo1 from a real eUICC (svn 2.3.0, one CI PKId twice), lpac issue #143.</summary>
    public const string RealEuiccInfo1 = "BF20358203020300A916041481370F5125D0B1D408D4C3B232E6D25E795BEBFBAA16041481370F5125D0B1D408D4C3B232E6D25E795BEBFB";

    /// <summary>EUICCInfo1 from a real eUICC (svn 2.2.2, two CI PKIds), lpac issue #92.</summary>
    public const string RealEuiccInfo1TwoKeys =
        "BF20618203020202A92C04140B1359633D2AB469761CA9D82B2229350DB722D7041481370F5125D0B1D408D4C3B232E6D25E795BEBFB" +
        "AA2C04140B1359633D2AB469761CA9D82B2229350DB722D7041481370F5125D0B1D408D4C3B232E6D25E795BEBFB";

    /// <summary>GetEuiccChallengeResponse from a real eUICC, lpac issue #143.</summary>
    public const string RealChallengeResponse = "BF2E128010FDC5A60071053ABB4C0F91BC0620BCFD";

    /// <summary>GetEuiccDataRequest for the EID and the answer of a real eUICC, onomondo-ipa issue #3.</summary>
    public const string RealGetEidRequest = "BF3E035C015A";
    public const string RealGetEidResponse = "BF3E125A1089049032000000000000279973200019";

    // ---- Field values used by the hand-assembled vectors ----

    public static readonly byte[] TxId = H("0102030405060708090A0B0C0D0E0F10");
    public static readonly byte[] Ski1 = H("81370F5125D0B1D408D4C3B232E6D25E795BEBFB");
    public static readonly byte[] Ski2 = H("0B1359633D2AB469761CA9D82B2229350DB722D7");
    public static readonly byte[] EuiccChallenge = Enumerable.Range(0x20, 16).Select(i => (byte)i).ToArray();
    public static readonly byte[] ServerChallenge = Enumerable.Range(0x30, 16).Select(i => (byte)i).ToArray();
    public static readonly byte[] Sig = Enumerable.Repeat((byte)0x55, 64).ToArray();
    public static readonly byte[] Otpk = [0x04, .. Enumerable.Repeat((byte)0x11, 64)];
    public static readonly byte[] HashCc = Enumerable.Repeat((byte)0xCC, 32).ToArray();
    public static readonly byte[] CertServer = H("3006020101020101");
    public static readonly byte[] CertEuicc = H("3006020102020102");
    public static readonly byte[] CertEum = H("3006020103020103");
    public const string Address = "smdp.example.com";
    public const string SmdpOid = "2.999.10";

    // ---- ES10b (SGP.22 §5.7) ----

    /// <summary>EUICCInfo2 'BF22' with every v2.2.2 field, the v2.3 fields [13]-[15] and an unknown lpaMode [16].</summary>
    public static byte[] EuiccInfo2() => Tlv("BF22",
        Tlv("81", H("020300")),                 // profileVersion 2.3.0
        Tlv("82", H("020202")),                 // svn 2.2.2
        Tlv("83", H("010203")),                 // euiccFirmwareVer
        Tlv("84", H("AABBCC")),                 // extCardResource
        Tlv("85", H("07FFFF80")),               // uiccCapability: bits 0..16, 7 unused bits
        Tlv("86", H("090200")),                 // ts102241Version 9.2.0
        Tlv("87", H("020300")),                 // globalplatformVersion
        Tlv("88", H("06C0")),                   // rspCapability: additionalProfile, crlSupport
        Tlv("A9", Tlv("04", Ski1), Tlv("04", Ski2)),
        Tlv("AA", Tlv("04", Ski1)),
        Tlv("8B", H("02")),                     // euiccCategory mediumEuicc
        Tlv("99", H("0640")),                   // forbiddenProfilePolicyRules: ppr1
        Tlv("04", H("010000")),                 // ppVersion (untagged VersionType)
        Tlv("0C", U("SAS-123456")),             // sasAcreditationNumber (UTF8String)
        Tlv("AC", Tlv("80", U("abc")), Tlv("81", U("xyz"))), // certificationDataObject
        Tlv("8D", H("05A0")),                   // treProperties: isDiscrete, usesRemoteMemory
        Tlv("8E", U("TRE")),                    // treProductReference
        Tlv("AF", Tlv("04", H("020100"))),      // additionalEuiccProfilePackageVersions
        Tlv("90", H("00")));                    // lpaMode [16]: not decoded by v2.x, kept

    /// <summary>DeviceInfo content (tac, deviceCapabilities [1], imei [2]) under the given tag.</summary>
    public static byte[] DeviceInfo(string tag = "30") => Tlv(tag,
        Tlv("80", H("35290611")),
        Tlv("A1", Tlv("80", H("080000")), Tlv("81", H("0B0000")), Tlv("85", H("0F0000")), Tlv("88", H("0F0000"))),
        Tlv("82", H("3529061100000000")));

    /// <summary>CtxParams1: ctxParamsForCommonAuthentication [0] { matchingId [0], deviceInfo [1] }.</summary>
    public static byte[] CtxParams1() => Tlv("A0", Tlv("80", U("MATCHING-ID-1")), DeviceInfo("A1"));

    public static byte[] ServerSigned1() => Tlv("30",
        Tlv("80", TxId), Tlv("81", EuiccChallenge), Tlv("83", U(Address)), Tlv("84", ServerChallenge));

    public static byte[] AuthenticateServerRequest() => Tlv("BF38",
        ServerSigned1(), Tlv("5F37", Sig), Tlv("04", Ski1), CertServer, CtxParams1());

    public static byte[] EuiccSigned1() => Tlv("30",
        Tlv("80", TxId), Tlv("83", U(Address)), Tlv("84", ServerChallenge), EuiccInfo2(), CtxParams1());

    public static byte[] AuthenticateServerResponseOk() => Tlv("BF38",
        Tlv("A0", EuiccSigned1(), Tlv("5F37", Sig), CertEuicc, CertEum));

    public static byte[] AuthenticateServerResponseError() => Tlv("BF38",
        Tlv("A1", Tlv("80", TxId), Tlv("02", H("06")))); // euiccChallengeMismatch

    public static byte[] SmdpSigned2() => Tlv("30", Tlv("80", TxId), Tlv("01", H("FF")), Tlv("5F49", Otpk));

    public static byte[] PrepareDownloadRequest() => Tlv("BF21",
        SmdpSigned2(), Tlv("5F37", Sig), Tlv("04", HashCc), CertServer);

    public static byte[] EuiccSigned2() => Tlv("30", Tlv("80", TxId), Tlv("5F49", Otpk), Tlv("04", HashCc));

    public static byte[] PrepareDownloadResponseOk() => Tlv("BF21", Tlv("A0", EuiccSigned2(), Tlv("5F37", Sig)));

    public static byte[] PrepareDownloadResponseError() => Tlv("BF21", Tlv("A1", Tlv("80", TxId), Tlv("02", H("05"))));

    public static byte[] CancelSessionRequest() => Tlv("BF41", Tlv("80", TxId), Tlv("81", H("01"))); // postponed

    /// <summary>EuiccCancelSessionSigned: transactionId '80', smdpOid '81' (2.999.10 = 88 37 0A), reason '82'.</summary>
    public static byte[] EuiccCancelSessionSigned() => Tlv("30", Tlv("80", TxId), Tlv("81", H("88370A")), Tlv("82", H("00")));

    public static byte[] CancelSessionResponseOk() => Tlv("BF41", Tlv("A0", EuiccCancelSessionSigned(), Tlv("5F37", Sig)));

    public static byte[] CancelSessionResponseError() => Tlv("BF41", Tlv("81", H("05")));

    // ---- ES9+ ASN.1 binding (SGP.22 §6.6) ----

    public static byte[] InitiateAuthenticationRequest() => Tlv("BF39",
        Tlv("81", EuiccChallenge), Tlv("83", U(Address)), H(RealEuiccInfo1));

    public static byte[] InitiateAuthenticationResponseOk() => Tlv("BF39",
        Tlv("A0", Tlv("80", TxId), ServerSigned1(), Tlv("5F37", Sig), Tlv("04", Ski1), CertServer));

    public static byte[] InitiateAuthenticationResponseError() => Tlv("BF39", Tlv("81", H("03")));

    public static byte[] AuthenticateClientRequest() => Tlv("BF3B", Tlv("80", TxId), AuthenticateServerResponseOk());

    /// <summary>A stand-in StoreMetadataRequest 'BF25' (iccid, serviceProviderName, profileName): kept raw here.</summary>
    public static byte[] ProfileMetadata() => Tlv("BF25", Tlv("5A", H("89000000000000000001")), Tlv("91", U("Op")), Tlv("92", U("Prof")));

    public static byte[] AuthenticateClientResponseOk() => Tlv("BF3B",
        Tlv("A0", Tlv("80", TxId), ProfileMetadata(), SmdpSigned2(), Tlv("5F37", Sig), CertServer));

    public static byte[] AuthenticateClientResponseError() => Tlv("BF3B", Tlv("81", H("08"))); // noEligibleProfile

    public static byte[] AuthenticateClientResponseAcr() => Tlv("BF3B", Tlv("A5", Tlv("80", TxId), ProfileMetadata()));

    public static byte[] GetBoundProfilePackageRequest() => Tlv("BF3A", Tlv("80", TxId), PrepareDownloadResponseOk());

    /// <summary>A stand-in BoundProfilePackage 'BF36' (content not checked here).</summary>
    public static byte[] Bpp() => Tlv("BF36", Tlv("BF23", Tlv("82", H("01"))), Tlv("A0", Tlv("87", H("00"))));

    public static byte[] GetBoundProfilePackageResponseOk() => Tlv("BF3A", Tlv("A0", Tlv("80", TxId), Bpp()));

    public static byte[] GetBoundProfilePackageResponseError() => Tlv("BF3A", Tlv("81", H("5F"))); // invalidTransactionId(95)

    /// <summary>A stand-in ProfileInstallationResult 'BF37'.</summary>
    public static byte[] Pir() => Tlv("BF37", Tlv("BF27", Tlv("80", TxId)), Tlv("5F37", Sig));

    public static byte[] HandleNotification() => Tlv("BF3D", Tlv("A0", Pir()));

    public static byte[] CancelSessionRequestEs9() => Tlv("BF41", Tlv("80", TxId), Tlv("A1", Tlv("A0", EuiccCancelSessionSigned(), Tlv("5F37", Sig))));

    public static byte[] CancelSessionResponseEs9Ok() => Tlv("BF41", Tlv("A0"));

    public static byte[] CancelSessionResponseEs9Error() => Tlv("BF41", Tlv("81", H("02")));

    public static byte[] RppRequest() => Tlv("A2", InitiateAuthenticationRequest());

    public static byte[] RppResponse() => Tlv("A2", GetBoundProfilePackageResponseError());
}
