using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Pki;
using Conformance.SmdpPlus.Tests.Support;
using Conformance.SmdpPlus.Tests.Doubles;
using Conformance.SmdpPlus.Hosting;

namespace Conformance.SmdpPlus.Tests.Es9;

/// <summary>ES9+.InitiateAuthentication (SGP.22 v2.5 §5.6.1; SGP.23 §4.3.12).</summary>
public class InitiateAuthenticationTests
{
    private Es9Context _c = null!;

    [OneTimeSetUp]
    public async Task Start() => _c = await Es9Context.StartAsync(configure: o => o with
    {
        AdditionalTrustedCis = [Es9Context.TestPki.For(Rsp.Crypto.RspCurve.NistP256)[PkiItem.UnknownCi].Certificate],
    });

    [OneTimeTearDown]
    public async Task Stop() => await _c.DisposeAsync();

    [Test]
    public async Task NominalAnswerIsSignedWithDpAuthOverTheEuiccChallenge()
    {
        byte[] challenge = _c.Euicc.GetEuiccChallenge();
        Es9Answer ia = await _c.Lpa.PostAsync("initiateAuthentication", new
        {
            euiccChallenge = Convert.ToBase64String(challenge),
            euiccInfo1 = Convert.ToBase64String(_c.Euicc.GetEuiccInfo1()),
            smdpAddress = "TESTSMDPPLUS1.example.com",
        });
        Assert.That(ia.Succeeded, Is.True, ia.Code);
        var s1 = ServerSigned1.Decode(ia.Base64("serverSigned1"));
        Assert.That(s1.EuiccChallenge, Is.EqualTo(challenge));
        Assert.That(Convert.ToHexString(s1.TransactionId), Is.EqualTo(ia.Field("transactionId")));
        Assert.That(s1.ServerAddress, Is.EqualTo("testsmdpplus1.example.com"));
        Assert.That(Asn1BindingMapper.DecodeOctets(ia.Base64("euiccCiPKIdToBeUsed"), 0x04), Is.EqualTo(_c.Pki.Ci.Certificate.SubjectKeyIdentifier));
        var cert = RspCertificate.Parse(ia.Base64("serverCertificate"));
        Assert.That(cert.Policies, Does.Contain(RspCertificatePolicies.DpAuth));
        byte[] sig = Asn1BindingMapper.DecodeOctets(ia.Base64("serverSignature1"), 0x5F37);
        Assert.That(Rsp.Crypto.BouncyCastleEcdsa.Instance.Verify(cert.PublicKey!, s1.SignedData.Span, sig), Is.True);
    }

    [Test]
    public async Task TransactionIdAndServerChallengeAreFreshPerCall()
    {
        var tids = new HashSet<string>();
        var challenges = new HashSet<string>();
        for (int i = 0; i < 5; i++)
        {
            Es9Answer ia = await _c.Lpa.InitiateAuthenticationAsync();
            tids.Add(ia.Field("transactionId"));
            challenges.Add(Convert.ToHexString(ServerSigned1.Decode(ia.Base64("serverSigned1")).ServerChallenge));
        }
        Assert.That((tids.Count, challenges.Count), Is.EqualTo((5, 5)));
    }

    [Test]
    public async Task InvalidSmdpAddress_8_8_1_3_8()
    {
        Es9Answer ia = await _c.Lpa.InitiateAuthenticationAsync(address: "other.example.com");
        Assert.That(ia.Code, Is.EqualTo("8.8.1 / 3.8"));
    }

    [TestCase("1.9.9")]
    [TestCase("3.0.0")]
    public async Task UnsupportedSvn_8_8_3_3_1(string svn)
    {
        _c.Euicc.Svn = VersionType.Parse(svn);
        try
        {
            Assert.That((await _c.Lpa.InitiateAuthenticationAsync()).Code, Is.EqualTo("8.8.3 / 3.1"));
        }
        finally
        {
            _c.Euicc.Svn = new VersionType(2, 2, 2);
        }
    }

    [Test]
    public async Task NoSupportedCiPkId_8_8_2_3_1()
    {
        IReadOnlyList<byte[]> saved = _c.Euicc.CiPkIds;
        _c.Euicc.CiPkIds = [new byte[20]];
        try
        {
            Assert.That((await _c.Lpa.InitiateAuthenticationAsync()).Code, Is.EqualTo("8.8.2 / 3.1"));
        }
        finally
        {
            _c.Euicc.CiPkIds = saved;
        }
    }

    [Test]
    public async Task NoDpAuthForTheEuiccsCi_8_8_4_3_7()
    {
        IReadOnlyList<byte[]> saved = _c.Euicc.CiPkIds;
        // The SM-DP+ trusts the "unknown" CI for eUICC chains but holds no CERT.DPauth under it.
        _c.Euicc.CiPkIds = [_c.Pki[PkiItem.UnknownCi].Certificate.SubjectKeyIdentifier!];
        _c.Euicc.SigningCiPkIds = saved;
        try
        {
            Assert.That((await _c.Lpa.InitiateAuthenticationAsync()).Code, Is.EqualTo("8.8.4 / 3.7"));
        }
        finally
        {
            _c.Euicc.CiPkIds = saved;
            _c.Euicc.SigningCiPkIds = null;
        }
    }
}
