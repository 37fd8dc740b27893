using Conformance.Rsp.Asn1.Messages;

namespace Conformance.Euicc.Card;

/// <summary>
/// EUICCInfo1 and EUICCInfo2 of the emulated eUICC (ES10b.GetEUICCInfo, SGP.22 v2.5 §5.7.8), for the svn
/// chosen in <see cref="EuiccOptions"/>: the same EUICCInfo2 is answered by GetEUICCInfo2 and signed in euiccSigned1.
/// </summary>
internal static class EuiccInfo
{
    /// <summary>EUICCInfo1: svn and the CI PKId lists.</summary>
    public static EUICCInfo1 Info1(EuiccIdentity identity, EuiccOptions options) =>
        new(options.Svn, identity.CiPkIdsForVerification, identity.CiPkIdsForSigning);

    /// <summary>EUICCInfo2; v2.3+ adds treProperties and treProductReference.</summary>
    public static EUICCInfo2 Info2(EuiccIdentity identity, EuiccOptions options)
    {
        bool v23 = options.Svn.CompareTo(new VersionType(2, 3, 0)) >= 0;
        return new EUICCInfo2
        {
            ProfileVersion = new VersionType(2, 3, 1),
            Svn = options.Svn,
            EuiccFirmwareVer = new VersionType(1, 0, 0),
            // ETSI TS 102 226 §8.2.1.3.2: installed applications (81), free non-volatile memory (82), free volatile memory (83).
            ExtCardResource = Convert.FromHexString("810100820400100000830400010000"),
            UiccCapability = NamedBits<UICCCapability>.From(
                UICCCapability.usimSupport | UICCCapability.isimSupport | UICCCapability.akaMilenage | UICCCapability.javacard
                | UICCCapability.berTlvFileSupport | UICCCapability.dfLinkSupport),
            Ts102241Version = new VersionType(9, 2, 0),
            GlobalplatformVersion = new VersionType(2, 3, 0),
            RspCapability = NamedBits<RspCapability>.From(RspCapability.additionalProfile | RspCapability.crlSupport | RspCapability.testProfileSupport),
            EuiccCiPKIdListForVerification = identity.CiPkIdsForVerification,
            EuiccCiPKIdListForSigning = identity.CiPkIdsForSigning,
            EuiccCategory = EuiccCategory.basicEuicc,
            PpVersion = new VersionType(0, 0, 1),
            SasAcreditationNumber = "CONFORMANCE-EMULATOR",
            TreProperties = v23 ? NamedBits<TreProperties>.From(TreProperties.isDiscrete) : null,
            TreProductReference = v23 ? "Conformance emulated eUICC" : null,
        };
    }
}
