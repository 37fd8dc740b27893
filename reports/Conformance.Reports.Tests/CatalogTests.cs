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
    public void AuthenticateClient_lists_the_numbers_of_4_3_14_2_1_without_the_void_ones()
    {
        var ac = Load().TestCases.Single(t => t.Id == "TC_SM-DP+_ES9+.AuthenticateClientNIST");
        Assert.Multiple(() =>
        {
            Assert.That(ac.Sequences.Select(s => s.Sequence), Is.EqualTo(new[] { 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 16, 17, 18, 19, 20, 21 }.Select(i => $"#{i:00}")));
            Assert.That(ac.Sequences.All(s => s.Section == "4.3.14.2.1" && s.Confirmed == true), Is.True);
            Assert.That(ac.OtherSequences.Where(s => s.Section == "4.3.14.2.2").Select(s => s.Sequence).ToList(), Has.Count.EqualTo(20).And.No.Contains("#18"));
            Assert.That(ac.OtherSequences.Single(s => s.Section == "4.3.14.2.2" && s.Sequence == "#15").Description, Does.Contain("8.2.5/4.3"));
            Assert.That(ac.SequenceSource, Does.Contain("osmo-ttcn3-hacks"));
        });
    }

    [Test]
    public void Every_listed_sequence_says_its_section_and_whether_it_is_confirmed_and_numbers_are_unique()
    {
        foreach (var t in Load().TestCases.Where(t => t.Sequences.Count > 0))
        {
            Assert.That(t.Sequences.All(s => s.Section is not null && s.Confirmed is not null), Is.True, t.Id);
            Assert.That(t.Sequences.Select(s => s.Sequence), Is.Unique, t.Id);
            Assert.That(t.Sequences.Select(s => s.Sequence), Has.All.Match(@"^#\d{2}$"), t.Id);
            Assert.That(t.SequenceSource, Is.Not.Null, t.Id);
        }
    }

    [Test]
    public void CancelSession_keeps_its_two_numberings_apart_from_the_matched_sequences()
    {
        var cs = Load().TestCases.Single(t => t.Id == "TC_SM-DP+_ES9+.CancelSessionNIST");
        Assert.Multiple(() =>
        {
            Assert.That(cs.Sequences, Is.Empty, "4.3.16.2.1 and 4.3.16.2.2 both number from #01");
            Assert.That(cs.OtherSequences.GroupBy(s => s.Section).ToDictionary(g => g.Key!, g => g.Count()),
                Is.EqualTo(new Dictionary<string, int> { ["4.3.16.2.1"] = 9, ["4.3.16.2.2"] = 11 }));
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
            Assert.That(m.CatalogSequences, Is.EqualTo(100), "InitiateAuthentication 9, GetBoundProfilePackage 6, AuthenticateClient 17, HandleNotification 18, each on NIST and BRP");
            Assert.That(catalog.TestCases.Where(t => t.Sequences.Count == 0).All(t => t.Sequences is not null), Is.True);
        });
    }
}
