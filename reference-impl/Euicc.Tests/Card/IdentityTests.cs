using Conformance.Euicc.Card;
using Conformance.Euicc.Tests.Support;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;

namespace Conformance.Euicc.Tests.Card;

/// <summary>Personalisation from a PKI directory laid out like SGP.26.</summary>
public class IdentityTests
{
    [Test]
    public void LoadsBothCurvesOrOneFromASgp26Directory()
    {
        string dir = Path.Combine(Path.GetTempPath(), "euicc-identity-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new TestPkiOptions { Curves = [RspCurve.BrainpoolP256r1], IncludeNegativeVariants = false, Eid = "89049032123451234512345678901111" };
            Sgp26Writer.Write(TestPkiGenerator.Generate(options), dir, options);
            EuiccIdentity identity = EuiccIdentity.Load(dir);
            Assert.That(identity.Eid, Is.EqualTo("89049032123451234512345678901111"));
            Assert.That(identity.Curves, Is.EqualTo(new[] { RspCurve.BrainpoolP256r1 }));
            Assert.That(identity.CiPkIdsForSigning.Single(), Is.EqualTo(identity.Credentials[0].Ci.SubjectKeyIdentifier));
            Assert.That(TestCard.Identity.Curves, Is.EqualTo(new[] { RspCurve.NistP256, RspCurve.BrainpoolP256r1 }));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void AMissingDirectoryIsAClearError()
    {
        var e = Assert.Throws<InvalidOperationException>(() => EuiccIdentity.Load(Path.Combine(Path.GetTempPath(), "no-such-pki-" + Guid.NewGuid().ToString("N"))));
        Assert.That(e!.Message, Does.Contain("does not exist"));
    }
}
