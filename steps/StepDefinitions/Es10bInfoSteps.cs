using System.Numerics;
using Conformance.Adapters.Es10;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;
using Conformance.Rsp.StatusCodes;
using Conformance.Steps.Drivers;
using Conformance.Steps.Support;

namespace Conformance.Steps.StepDefinitions;

/// <summary>
/// ES10b and ES10c functions that read the eUICC's identity and configuration (GetEUICCChallenge §5.7.7,
/// GetEUICCInfo §5.7.8, GetRAT §5.7.22, GetEID §5.7.20) and LoadCRL (§5.7.12).
/// </summary>
[Binding]
public sealed class Es10bInfoSteps(EuiccDriver euicc, CardDownloadDriver download, HarnessRun run)
{
    private readonly List<byte[]> _challenges = [];
    private EUICCInfo1? _info1;
    private EUICCInfo2? _info2;
    private GetRatResponse? _rat;
    private byte[]? _eid;

    [When(@"^the LPA asks for an eUICC challenge twice$")]
    public Task ChallengeTwice() => EuiccDriver.Checked(async () =>
    {
        Es10Client es10 = await euicc.Es10Async().ConfigureAwait(false);
        for (int i = 0; i < 2; i++)
        {
            _challenges.Add((await es10.GetEuiccChallengeAsync().ConfigureAwait(false)).Value.EuiccChallenge);
        }
    });

    [Then(@"^each challenge is 16 bytes and the two differ$")]
    public void ChallengesFresh()
    {
        Assert.That(_challenges.Select(c => c.Length), Is.All.EqualTo(16), "SGP.22 §5.7.7: euiccChallenge is 16 bytes");
        Assert.That(_challenges[0], Is.Not.EqualTo(_challenges[1]),
            $"SGP.22 §5.7.7: the eUICC SHALL generate a new random euiccChallenge for each call; it answered {Convert.ToHexString(_challenges[0])} twice");
    }

    [When(@"^the LPA asks for EUICCInfo1$")]
    public Task AskInfo1() => EuiccDriver.Checked(async () =>
        _info1 = (await (await euicc.Es10Async().ConfigureAwait(false)).GetEuiccInfo1Async().ConfigureAwait(false)).Value);

    [When(@"^the LPA asks for EUICCInfo2$")]
    public Task AskInfo2() => EuiccDriver.Checked(async () =>
    {
        Es10Client es10 = await euicc.Es10Async().ConfigureAwait(false);
        _info1 = (await es10.GetEuiccInfo1Async().ConfigureAwait(false)).Value;
        _info2 = (await es10.GetEuiccInfo2Async().ConfigureAwait(false)).Value;
    });

    [Then(@"^EUICCInfo1 carries an svn of version 2 and lists the CI of every curve under test for verification and signing$")]
    public void Info1()
    {
        EUICCInfo1 info = _info1 ?? throw new InvalidOperationException("GetEUICCInfo1 was not called");
        Assert.That(info.Svn.Major, Is.EqualTo(2), $"SGP.22 §5.7.8: svn is the SGP.22 version the eUICC implements (2.x here), got {info.Svn}");
        CiListed(info.EuiccCiPKIdListForVerification, info.EuiccCiPKIdListForSigning, "EUICCInfo1");
    }

    [Then(@"^EUICCInfo2 carries the same svn and CI lists as EUICCInfo1, and its profile package and firmware versions$")]
    public void Info2()
    {
        EUICCInfo2 info = _info2 ?? throw new InvalidOperationException("GetEUICCInfo2 was not called");
        EUICCInfo1 one = _info1!;
        Assert.That(info.Svn, Is.EqualTo(one.Svn), "SGP.22 §5.7.8: EUICCInfo1 and EUICCInfo2 report the same svn");
        Assert.That(info.EuiccCiPKIdListForVerification, Is.EqualTo(one.EuiccCiPKIdListForVerification), "SGP.22 §5.7.8: euiccCiPKIdListForVerification is the same in EUICCInfo1 and EUICCInfo2");
        Assert.That(info.EuiccCiPKIdListForSigning, Is.EqualTo(one.EuiccCiPKIdListForSigning), "SGP.22 §5.7.8: euiccCiPKIdListForSigning is the same in EUICCInfo1 and EUICCInfo2");
        Assert.That(info.ProfileVersion.Major, Is.EqualTo(2), $"SGP.22 §5.7.8: profileVersion is the SIMalliance profile package version (2.x), got {info.ProfileVersion}");
        CiListed(info.EuiccCiPKIdListForVerification, info.EuiccCiPKIdListForSigning, "EUICCInfo2");
    }

    private void CiListed(IReadOnlyList<byte[]> verification, IReadOnlyList<byte[]> signing, string what)
    {
        foreach (CurvePki c in run.Pki.Curves.Where(c => run.Config.Curves.Contains(c.Curve)))
        {
            byte[] pkid = c.Ci.Certificate.SubjectKeyIdentifier!;
            Assert.That(verification, Has.Some.EqualTo(pkid), $"SGP.22 §5.7.8: {what}.euiccCiPKIdListForVerification lacks the {c.Curve.ShortName()} CI {Convert.ToHexString(pkid)}");
            Assert.That(signing, Has.Some.EqualTo(pkid), $"SGP.22 §5.7.8: {what}.euiccCiPKIdListForSigning lacks the {c.Curve.ShortName()} CI {Convert.ToHexString(pkid)}");
        }
    }

    [When(@"^the LPA asks for the Rules Authorisation Table$")]
    public Task AskRat() => EuiccDriver.Checked(async () =>
        _rat = (await (await euicc.Es10Async().ConfigureAwait(false)).GetRatAsync().ConfigureAwait(false)).Value);

    [Then(@"^every rule names PPRs and at least one allowed operator$")]
    public void RatRules()
    {
        GetRatResponse rat = _rat ?? throw new InvalidOperationException("GetRAT was not called");
        foreach (ProfilePolicyAuthorisationRule rule in rat.Rat)
        {
            Assert.That(rule.PprIds.Length, Is.GreaterThan(0), "SGP.22 §2.9.2.1: each ProfilePolicyAuthorisationRule names the PPRs it authorises");
            Assert.That(rule.AllowedOperators, Is.Not.Empty, "SGP.22 §2.9.2.1: each ProfilePolicyAuthorisationRule names at least one allowed operator");
        }
    }

    [When(@"^the LPA asks for the EID$")]
    public Task AskEid() => EuiccDriver.Checked(async () =>
        _eid = (await (await euicc.Es10Async().ConfigureAwait(false)).GetEidAsync().ConfigureAwait(false)).Value.EidValue);

    [Then(@"^the EID is 32 digits with valid check digits$")]
    public void EidValid()
    {
        string eid = Convert.ToHexString(_eid ?? throw new InvalidOperationException("GetEID was not called"));
        Assert.That(eid.All(char.IsAsciiDigit) && eid.Length == 32, Is.True, $"SGP.22 §5.7.20 / SGP.29: the EID is 32 decimal digits, got {eid}");
        Assert.That((int)(BigInteger.Parse(eid, System.Globalization.CultureInfo.InvariantCulture) % 97), Is.EqualTo(1),
            $"SGP.29 §4: the EID's check digits make it 1 modulo 97; {eid} is not");
    }

    [Then(@"^it is the EID of the CERT\.EUICC\.ECDSA the eUICC presents$")]
    public Task EidOfCertificate() => EuiccDriver.Checked(async () =>
    {
        AuthenticateServerResponse r = await download.AuthenticateAsync().ConfigureAwait(false);
        AuthenticateResponseOk ok = r.AuthenticateResponseOk ?? throw new AssertionException($"SGP.22 §5.7.13: AuthenticateServer must succeed, got {euicc.Last!.Display}");
        string? inCert = RspCertificate.Parse(ok.EuiccCertificate).SubjectSerialNumber;
        Assert.That(Convert.ToHexString(_eid!), Is.EqualTo(inCert), "SGP.22 §4.5.2.1.0.2: GetEID answers the EID that CERT.EUICC.ECDSA carries as subject serialNumber");
    });

    [When(@"^the LPA loads (a CRL of the CI|a CRL of the CI signed by another key|a CRL of an unknown CI|bytes that are not a CRL)$")]
    public Task LoadCrl(string what) => EuiccDriver.Checked(async () =>
    {
        CurvePki pki = run.Pki.For(download.Curve);
        byte[] crl = what switch
        {
            "a CRL of the CI" => CardCertificates.Crl(pki.Ci, pki.Ci.RequirePrivateKey(), 1),
            "a CRL of the CI signed by another key" => CardCertificates.Crl(pki.Ci, pki[PkiItem.UnknownCi].RequirePrivateKey(), 1),
            "a CRL of an unknown CI" => CardCertificates.Crl(pki[PkiItem.UnknownCi], pki[PkiItem.UnknownCi].RequirePrivateKey(), 1),
            _ => [0x30, 0x03, 0x02, 0x01, 0x01],
        };
        LoadCRLResponse r = (await (await euicc.Es10Async().ConfigureAwait(false)).LoadCrlAsync(crl).ConfigureAwait(false)).Value;
        euicc.Last = r.LoadCRLResponseError is { } e
            ? CardOutcome.Of("LoadCRL", "§5.7.12", "of " + what, e)
            : CardOutcome.Named<LoadCrlError>("LoadCRL", "§5.7.12", "of " + what, "loadCRLResponseOk");
    });
}
