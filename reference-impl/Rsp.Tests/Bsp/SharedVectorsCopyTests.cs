namespace Conformance.Rsp.Tests.Bsp;

/// <summary>fixtures/vectors/bsp.json must stay identical to shared/vectors/bsp.json when shared/ sits beside the repository.</summary>
public class SharedVectorsCopyTests
{
    [Test]
    public void FixtureCopyEqualsSharedVectors()
    {
        DirectoryInfo? root = new(TestContext.CurrentContext.TestDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Conformance.sln")))
        {
            root = root.Parent;
        }
        if (root is null)
        {
            Assert.Ignore("repository root (Conformance.sln) not found above the test output");
            return;
        }
        string shared = Path.GetFullPath(Path.Combine(root.FullName, "..", "shared", "vectors", "bsp.json"));
        if (!File.Exists(shared))
        {
            Assert.Ignore("shared/vectors/bsp.json is not beside the repository");
        }
        string fixture = Path.Combine(root.FullName, "fixtures", "vectors", "bsp.json");
        Assert.That(File.ReadAllBytes(fixture), Is.EqualTo(File.ReadAllBytes(shared)), "fixtures/vectors/bsp.json differs from shared/vectors/bsp.json");
        Assert.That(File.ReadAllBytes(BspVectors.PathInOutput), Is.EqualTo(File.ReadAllBytes(fixture)), "the copy in the test output is stale");
    }
}
