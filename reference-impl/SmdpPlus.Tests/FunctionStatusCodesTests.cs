using Conformance.Rsp.StatusCodes;

namespace Conformance.SmdpPlus.Tests;

/// <summary>Every status code the SGP.23 catalog names exists in the table with the catalog's values.</summary>
public class FunctionStatusCodesTests
{
    // Written from SGP23-CATALOG.md ("SM-DP+ ES9+" and "SM-DP+ ES2+" sections), not from the table.
    private static readonly (string Name, string Subject, string Reason)[] Catalog =
    [
        (nameof(FunctionStatusCodes.InvalidSmdpAddress), "8.8.1", "3.8"),
        (nameof(FunctionStatusCodes.CiPKIdNotSupported), "8.8.2", "3.1"),
        (nameof(FunctionStatusCodes.SvnNotSupported), "8.8.3", "3.1"),
        (nameof(FunctionStatusCodes.NoDpAuthCertificateForCi), "8.8.4", "3.7"),
        (nameof(FunctionStatusCodes.EumCertificateInvalid), "8.1.2", "6.1"),
        (nameof(FunctionStatusCodes.EumCertificateExpired), "8.1.2", "6.3"),
        (nameof(FunctionStatusCodes.EuiccCertificateInvalid), "8.1.3", "6.1"),
        (nameof(FunctionStatusCodes.EuiccCertificateExpired), "8.1.3", "6.3"),
        (nameof(FunctionStatusCodes.EuiccSignatureInvalid), "8.1", "6.1"),
        (nameof(FunctionStatusCodes.CiPublicKeyUnknown), "8.11.1", "3.9"),
        (nameof(FunctionStatusCodes.ProfileNotReleased), "8.2", "1.2"),
        (nameof(FunctionStatusCodes.TransactionIdUnknown), "8.10.1", "3.9"),
        (nameof(FunctionStatusCodes.MatchingIdRefused), "8.2.6", "3.8"),
        (nameof(FunctionStatusCodes.EidMismatch), "8.1.1", "3.8"),
        (nameof(FunctionStatusCodes.NoEligibleProfile), "8.2.5", "4.3"),
        (nameof(FunctionStatusCodes.DownloadOrderExpired), "8.8.5", "4.10"),
        (nameof(FunctionStatusCodes.DownloadOrderRetriesExceeded), "8.8.5", "6.4"),
        (nameof(FunctionStatusCodes.EidOutsideEumPermittedRange), "8.1.4", "6.1"),
        (nameof(FunctionStatusCodes.ConfirmationCodeMissing), "8.2.7", "2.2"),
        (nameof(FunctionStatusCodes.ConfirmationCodeRefused), "8.2.7", "3.8"),
        (nameof(FunctionStatusCodes.ConfirmationCodeRetriesExceeded), "8.2.7", "6.4"),
        (nameof(FunctionStatusCodes.InvalidSmdpOid), "8.8", "3.10"),
        (nameof(FunctionStatusCodes.InvalidSmdpOidAlternative), "8.8", "3.1"),
        (nameof(FunctionStatusCodes.IccidAlreadyInUse), "8.2.1", "3.3"),
        (nameof(FunctionStatusCodes.IccidUnknown), "8.2.1", "3.9"),
        (nameof(FunctionStatusCodes.MatchingIdConflicting), "8.2.6", "3.3"),
        (nameof(FunctionStatusCodes.SmDsInaccessible), "8.9", "5.1"),
        (nameof(FunctionStatusCodes.EidMissing), "8.1.1", "2.2"),
        (nameof(FunctionStatusCodes.EidDifferentFromOrder), "8.1.1", "3.10"),
        (nameof(FunctionStatusCodes.IccidDifferentEidAssociated), "8.2.1", "3.1"),
        (nameof(FunctionStatusCodes.MatchingIdInvalidAssociation), "8.2.6", "3.10"),
    ];

    [TestCaseSource(nameof(Catalog))]
    public void CatalogCodeExistsWithCatalogValues((string Name, string Subject, string Reason) entry)
    {
        var field = typeof(FunctionStatusCodes).GetField(entry.Name);
        Assert.That(field, Is.Not.Null, $"no FunctionStatusCodes.{entry.Name}");
        var code = (StatusCode)field!.GetValue(null)!;
        Assert.That((code.SubjectCode, code.ReasonCode), Is.EqualTo((entry.Subject, entry.Reason)));
        Assert.That(FunctionStatusCodes.Find(entry.Subject, entry.Reason), Is.SameAs(code));
    }

    [Test]
    public void EveryCodeUsesKnownSubjectAndReasonAndPairsAreUnique()
    {
        foreach (StatusCode c in FunctionStatusCodes.All)
        {
            Assert.That(SubjectCodes.Name(c.SubjectCode), Is.Not.Null, $"subject of {c}");
            Assert.That(ReasonCodes.Name(c.ReasonCode), Is.Not.Null, $"reason of {c}");
        }

        Assert.That(FunctionStatusCodes.All.Select(c => c.ToString()), Is.Unique);
        Assert.That(FunctionStatusCodes.All, Has.Count.GreaterThanOrEqualTo(Catalog.Length));
    }

    [Test]
    public void WritesAsTheSpecDoes() =>
        Assert.That(FunctionStatusCodes.InvalidSmdpAddress.ToString(), Is.EqualTo("8.8.1 / 3.8"));
}
