namespace Conformance.Rsp.Asn1.Messages;

// Named bits of the BIT STRINGs in EUICCInfo2 (SGP.22 v2.5 §5.7.8, RSPDefinitions; UICCCapability from
// the SIMalliance/TCA PEDefinitions). Value = 1 << (ASN.1 bit number); names are the spec's.

/// <summary>RspCapability ::= BIT STRING (EUICCInfo2 rspCapability [8]).</summary>
[Flags]
#pragma warning disable CA1028, CA1008 // bit positions of a BIT STRING, wider than int; no "none" bit in the spec
public enum RspCapability : ulong
{
    additionalProfile = 1UL << 0,
    crlSupport = 1UL << 1,
    rpmSupport = 1UL << 2,
    testProfileSupport = 1UL << 3,
    /// <summary>v2.3+: support for ASN.1 extensibility in the Device Info.</summary>
    deviceInfoExtensibilitySupport = 1UL << 4,
    /// <summary>v2.3+: support for Service Specific Data in the Profile Metadata.</summary>
    serviceSpecificDataSupport = 1UL << 5,
    /// <summary>v2.4+: support for eUICC OS Update.</summary>
    osUpdateSupport = 1UL << 19,
    iotSpecificMetadataSupport = 1UL << 26,
    mslCheckSupport = 1UL << 27,
    rspServerTestProfileAllowlistCheckSupport = 1UL << 28,
}

/// <summary>UICCCapability ::= BIT STRING (EUICCInfo2 uiccCapability [5]), from PEDefinitions.</summary>
[Flags]
public enum UICCCapability : ulong
{
    contactlessSupport = 1UL << 0,
    usimSupport = 1UL << 1,
    isimSupport = 1UL << 2,
    csimSupport = 1UL << 3,
    akaMilenage = 1UL << 4,
    akaCave = 1UL << 5,
    akaTuak128 = 1UL << 6,
    akaTuak256 = 1UL << 7,
    /// <summary>rfu1 in older PEDefinitions, usimTestAlgorithm in later ones.</summary>
    usimTestAlgorithm = 1UL << 8,
    rfu2 = 1UL << 9,
    gbaAuthenUsim = 1UL << 10,
    gbaAuthenISim = 1UL << 11,
    mbmsAuthenUsim = 1UL << 12,
    eapClient = 1UL << 13,
    javacard = 1UL << 14,
    multos = 1UL << 15,
    multipleUsimSupport = 1UL << 16,
    multipleIsimSupport = 1UL << 17,
    multipleCsimSupport = 1UL << 18,
    berTlvFileSupport = 1UL << 19,
    dfLinkSupport = 1UL << 20,
    catTp = 1UL << 21,
    getIdentity = 1UL << 22,
    profile_a_x25519 = 1UL << 23,
    profile_b_p256 = 1UL << 24,
    suciCalculatorApi = 1UL << 25,
    dns_resolution = 1UL << 26,
    scp11ac = 1UL << 27,
    scp11c_authorization_mechanism = 1UL << 28,
    s16mode = 1UL << 29,
    eaka = 1UL << 30,
    iotminimal = 1UL << 31,
}

/// <summary>PprIds ::= BIT STRING (EUICCInfo2 forbiddenProfilePolicyRules [25]).</summary>
[Flags]
public enum PprIds : ulong
{
    pprUpdateControl = 1UL << 0,
    ppr1 = 1UL << 1,
    ppr2 = 1UL << 2,
}

/// <summary>EUICCInfo2 treProperties [13] BIT STRING (v2.3+).</summary>
[Flags]
public enum TreProperties : ulong
{
    isDiscrete = 1UL << 0,
    isIntegrated = 1UL << 1,
    usesRemoteMemory = 1UL << 2,
}
#pragma warning restore CA1028, CA1008
