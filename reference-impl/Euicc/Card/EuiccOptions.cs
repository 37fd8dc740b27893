using Conformance.Euicc.Faults;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Euicc.Card;

/// <summary>Configuration of the emulated eUICC besides its identity (<see cref="EuiccIdentity"/>).</summary>
public sealed record EuiccOptions
{
    /// <summary>The SGP.22 versions the emulator can claim as svn in EUICCInfo1/EUICCInfo2.</summary>
    public static readonly IReadOnlyList<VersionType> SelectableSvns = [new(2, 2, 2), new(2, 3, 0), new(2, 5, 0)];

    /// <summary>svn of EUICCInfo1 and EUICCInfo2 (SGP.22 v2.5 §5.7.8): 2.2.2 by default, 2.3.0 or 2.5.0 selectable.</summary>
    public VersionType Svn { get; init; } = new(2, 2, 2);

    /// <summary>The default SM-DP+ address the card holds when its state is first created (null: none).</summary>
    public string? DefaultSmdpAddress { get; init; }

    /// <summary>rootDsAddress of GetEuiccConfiguredAddresses (SGP.22 v2.5 §5.7.3): the root SM-DS, fixed at personalisation.</summary>
    public string RootSmdsAddress { get; init; } = "testrootsmds.example.com";

    /// <summary>
    /// The Rules Authorisation Table (SGP.22 v2.5 §2.9.2.1, ES10b.GetRAT §5.7.22). Null means the default: one rule
    /// allowing PPR1 and PPR2 for any operator (mccMnc 'EEEEEE', every digit a wildcard) without end-user consent.
    /// An empty list allows no PPR at all: a profile with PPRs then fails with pprNotAllowed.
    /// </summary>
    public IReadOnlyList<ProfilePolicyAuthorisationRule>? Rat { get; init; }

    /// <summary>
    /// Profile classes this eUICC installs (SGP.22 v2.5 §2.4a / ErrorReason unsupportedProfileClass); all three by default.
    /// </summary>
    public IReadOnlySet<ProfileClass> SupportedProfileClasses { get; init; } =
        new HashSet<ProfileClass> { ProfileClass.test, ProfileClass.provisioning, ProfileClass.operational };

    /// <summary>
    /// Accept BSP segments over SGP.22 §2.6.4's 1020 bytes, as deployed eUICCs do: how the emulator plays the eUICC for an
    /// SM-DP+ under test, whose oversized segments the BPP checks of GetBoundProfilePackage already report, so that one
    /// SM-DP+ defect does not also fail every installation after it. Off (strict) by default and for eUICC scenarios.
    /// </summary>
    public bool AcceptOversizedSegments { get; init; }

    /// <summary>Fault injections and defects (all off by default).</summary>
    public EuiccFaultOptions Faults { get; init; } = new();

    /// <summary>The clock certificates and CRLs are checked against.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>ECDSA implementation of the card's signatures and verifications (OpenSSL with keys imported once by default).</summary>
    public IEcdsaSha256 Ecdsa { get; init; } = CachedKeyEcdsa.Instance;

    /// <summary>The RAT in force: <see cref="Rat"/>, or the default "PPR1 and PPR2 for any operator".</summary>
    public IReadOnlyList<ProfilePolicyAuthorisationRule> EffectiveRat => Rat ?? DefaultRat;

    /// <summary>The default RAT: PPR1 and PPR2 allowed for any operator, no consent required.</summary>
    public static IReadOnlyList<ProfilePolicyAuthorisationRule> DefaultRat { get; } =
    [
        new(NamedBitList.Of(PprId.ppr1, PprId.ppr2), [new OperatorId([0xEE, 0xEE, 0xEE])], NamedBitList.Of()),
    ];

    public void Validate()
    {
        if (!SelectableSvns.Contains(Svn))
        {
            throw new ArgumentException($"svn {Svn} is not one of {string.Join(", ", SelectableSvns)}");
        }
        if (Faults.Has(EuiccFault.ReportAnotherEid) && (Faults.OtherEid.Length != 32 || !Faults.OtherEid.All(char.IsAsciiDigit)))
        {
            throw new ArgumentException($"the other EID must be 32 digits, got '{Faults.OtherEid}'");
        }
        if (Faults.Has(EuiccFault.ReusePreviousOtpk) && Faults.Has(EuiccFault.ChangeOtpk))
        {
            throw new ArgumentException("ReusePreviousOtpk and ChangeOtpk contradict each other");
        }
    }
}
