using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Saip;
using Conformance.Rsp.StatusCodes;
using Conformance.SmdpPlus.Es9Plus;
using Conformance.SmdpPlus.Profiles;
using Conformance.SmdpPlus.Store;

namespace Conformance.SmdpPlus.Tests;

public class ProfileImportTests
{
    [Test]
    public async Task ImportsPackagesWithSidecarMetadataAndSkipsWhatIsNotAPackage()
    {
        string dir = Path.Combine(Path.GetTempPath(), "smdp-import-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            await File.WriteAllBytesAsync(Path.Combine(dir, "a.der"), SyntheticProfile.Build("8904903200000000011", "Gold"));
            await File.WriteAllTextAsync(Path.Combine(dir, "a.json"),
                """{"profileName":"Gold plan","serviceProviderName":"Op","profileClass":"test","profilePolicyRules":["ppr1"],"notificationConfiguration":[{"operations":["install","delete"],"address":"notify.example.com"}]}""");
            await File.WriteAllBytesAsync(Path.Combine(dir, "b.der"), SyntheticProfile.Build("8904903200000000029", "Silver"));
            await File.WriteAllBytesAsync(Path.Combine(dir, "junk.der"), [0x30, 0x00]);
            SmdpStore store = SmdpStore.Open(Path.Combine(dir, "smdp.db"));

            ImportReport report = await ProfileImporter.ImportDirectoryAsync(store, dir);

            Assert.That(report.Imported.Select(p => (p.Iccid, p.ProfileType)), Is.EqualTo(new[] { ("8904903200000000011", "Gold"), ("8904903200000000029", "Silver") }));
            Assert.That(report.Skipped, Has.Count.EqualTo(1).And.Some.Contains("junk.der"));
            ProfileRecord gold = (await store.GetProfileAsync("8904903200000000011"))!;
            StoreMetadataRequest md = ProfileMetadataFactory.Build(gold);
            Assert.That((md.ProfileName, md.ServiceProviderName, md.ProfileClass), Is.EqualTo(("Gold plan", "Op", (ProfileClass?)ProfileClass.test)));
            Assert.That(md.ProfilePolicyRules!.SetBits, Is.EqualTo(new[] { 1 }));
            Assert.That(md.NotificationConfigurationInfo!.Single().ProfileManagementOperation.SetBits, Is.EqualTo(new[] { 0, 3 }));
            Assert.That(md.Iccid.ToString(), Is.EqualTo("8904903200000000011"));
            Assert.That((await ProfileImporter.ImportDirectoryAsync(store, dir)).Imported, Is.Empty, "a second import adds nothing");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, true);
        }
    }
}
