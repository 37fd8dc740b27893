using Conformance.Reports.Coverage;

namespace Conformance.Reports.Tests;

/// <summary>The shipped catalog (fixtures/sgp23/catalog.json) against facts of the SGP.23 catalog.</summary>
public class CatalogTests
{
    private static Sgp23Catalog Load() => Sgp23Catalog.Load(Path.Combine(TestContext.CurrentContext.TestDirectory, "sgp23", "catalog.json"));

    [TestCase("TC_SM-DP+_ES9+.InitiateAuthenticationNIST", "4.3.12")]
    [TestCase("TC_SM-DP+_ES9+.InitiateAuthenticationBRP", "4.3.12")]
    [TestCase("TC_SM-DP+_ES9+.GetBoundProfilePackageNIST", "4.3.13")]
    [TestCase("TC_SM-DP+_ES9+.AuthenticateClientBRP", "4.3.14")]
    [TestCase("TC_SM-DP+_ES9+_HandleNotificationNIST", "4.3.15")]
    [TestCase("TC_SM-DP+_ES9+.CancelSessionBRP", "4.3.16")]
    [TestCase("TC_SM-DP+_ES9+_Server_Authentication_for_HTTPS_EstablishmentNIST", "4.3.17")]
    [TestCase("TC_eUICC_ES8+.InitialiseSecureChannel", "4.2.3")]
    [TestCase("TC_eUICC_ES10b.GetEUICCChallenge", "4.2.12")]
    public void Contains_the_ids_as_the_catalog_spells_them(string id, string section)
    {
        var testCase = Load().TestCases.SingleOrDefault(t => t.Id == id);
        Assert.That(testCase, Is.Not.Null, id);
        Assert.That(testCase!.Section, Is.EqualTo(section));
    }

    [Test]
    public void Every_es9plus_function_has_a_nist_and_a_brp_case_on_the_smdp_side()
    {
        var es9 = Load().TestCases.Where(t => t.Interface == "ES9+").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(es9, Has.Count.EqualTo(12));
            Assert.That(es9.Select(t => t.Function).Distinct(), Has.Exactly(6).Items);
            Assert.That(es9.Where(t => t.Curve == "NIST").Select(t => t.Function), Is.EquivalentTo(es9.Where(t => t.Curve == "BRP").Select(t => t.Function)));
            Assert.That(es9.Select(t => t.Side).Distinct(), Is.EqualTo(new[] { "smdp" }));
            Assert.That(es9.All(t => t.Id.EndsWith(t.Curve!, StringComparison.Ordinal)), Is.True);
        });
    }

    [Test]
    public void InitiateAuthentication_lists_sequences_01_to_09()
    {
        var ia = Load().TestCases.Single(t => t.Id == "TC_SM-DP+_ES9+.InitiateAuthenticationNIST");
        Assert.Multiple(() =>
        {
            Assert.That(ia.Sequences.Select(s => s.Sequence), Is.EqualTo(Enumerable.Range(1, 9).Select(i => $"#{i:00}")));
            Assert.That(ia.Sequences[2].Description, Does.Contain("8.8.1/3.8"));
            Assert.That(ia.Sequences[5].Description, Does.Contain("8.8.4/3.7"));
        });
    }

    [Test]
    public void Es2plus_and_euicc_cases_are_present_with_their_sides()
    {
        var all = Load().TestCases;
        Assert.Multiple(() =>
        {
            Assert.That(all.Where(t => t.Interface == "ES2+").Select(t => t.Function),
                Is.EqualTo(new[] { "DownloadOrder", "ConfirmOrder", "CancelOrder", "ReleaseProfile", "HandleDownloadProgressInfo" }));
            Assert.That(all.Where(t => t.Side == "euicc").Select(t => t.Function),
                Is.SupersetOf(new[] { "InitialiseSecureChannel", "LoadBoundProfilePackage", "GetEUICCInfo", "eUICCMemoryReset", "GetEID", "SetNickname", "GetRAT" }));
            Assert.That(all.Select(t => t.Side).Distinct(), Is.EquivalentTo(new[] { "smdp", "euicc" }));
        });
    }

    [Test]
    public void A_duplicate_id_is_refused()
    {
        const string json = """{"testCases":[{"id":"A","interface":"ES9+","function":"F","side":"smdp"},{"id":"A","interface":"ES9+","function":"F","side":"smdp"}]}""";
        Assert.That(() => Sgp23Catalog.Parse(json), Throws.InstanceOf<InvalidDataException>().With.Message.Contains("A appears 2 times"));
    }

    [Test]
    public void The_matrix_over_the_shipped_catalog_reports_every_listed_sequence_missing_when_no_scenario_exists()
    {
        var catalog = Load();
        var m = CoverageMatrix.Build(catalog, [], []);
        Assert.Multiple(() =>
        {
            Assert.That(m.TestCases, Is.EqualTo(catalog.TestCases.Count));
            Assert.That(m.CoveredTestCases, Is.Zero);
            Assert.That(m.MissingSequences, Is.EqualTo(m.CatalogSequences));
            Assert.That(m.CatalogSequences, Is.EqualTo(18), "#01-#09 for InitiateAuthentication NIST and BRP");
            Assert.That(catalog.TestCases.Where(t => t.Sequences.Count == 0).All(t => t.Sequences is not null), Is.True);
        });
    }
}
