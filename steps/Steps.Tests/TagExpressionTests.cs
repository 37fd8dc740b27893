using Conformance.Rsp.Crypto;
using Conformance.Steps.Support;

namespace Conformance.Steps.Tests;

public class TagExpressionTests
{
    [TestCase("@smdp", new[] { "smdp", "es2plus" }, true)]
    [TestCase("@smdp and not @negative", new[] { "smdp", "negative" }, false)]
    [TestCase("@smdp and not @negative", new[] { "@smdp" }, true)]
    [TestCase("@euicc or @es2plus", new[] { "smdp", "es2plus" }, true)]
    [TestCase("not (@nist or @brp)", new[] { "smdp" }, true)]
    [TestCase("not (@nist or @brp)", new[] { "brp" }, false)]
    [TestCase("@a or @b and @c", new[] { "a" }, true)]
    public void MatchesFollowsCucumberPrecedence(string expression, string[] tags, bool expected) =>
        Assert.That(TagExpression.Parse(expression).Matches(tags), Is.EqualTo(expected));

    [TestCase("@smdp", "Category=smdp")]
    [TestCase("@smdp and not @negative", "(Category=smdp&Category!=negative)")]
    [TestCase("not (@nist or @brp)", "(Category!=nist&Category!=brp)")]
    [TestCase("not (@a and not @b)", "(Category!=a|Category=b)")]
    [TestCase("@TC_SM-DP+_ES2+.DownloadOrder", "Category=TC_SM-DP+_ES2+.DownloadOrder")]
    [TestCase("@x=y!z~", "Category=x\\=y\\!z\\~")]
    public void TheTestFilterPushesNegationsToTheTags(string expression, string filter) =>
        Assert.That(TagExpression.Parse(expression).ToTestFilter(), Is.EqualTo(filter));

    [TestCase("")]
    [TestCase("smdp")]
    [TestCase("@smdp and")]
    [TestCase("(@smdp")]
    [TestCase("@smdp @euicc")]
    [TestCase("@")]
    public void MalformedExpressionsAreRefused(string expression) =>
        Assert.Throws<FormatException>(() => TagExpression.Parse(expression));

    [Test]
    public void TheRunSelectionAddsCurveAndTargetExclusions()
    {
        var nistOnly = new TargetConfig { Curves = [RspCurve.NistP256], Tags = "@smdp" };
        Assert.That(RunSelection.TestFilter(nistOnly), Is.EqualTo("(Category=smdp&Category!=brp)"));
        Assert.That(RunSelection.TestFilter(new TargetConfig()), Is.EqualTo(""), "everything by default");
        var remote = new TargetConfig { SmdpUrl = new Uri("https://smdp.example.com") };
        Assert.That(RunSelection.Of(remote)!.Matches(["smdp", "reference-only"]), Is.False);
        Assert.That(RunSelection.Of(remote)!.Matches(["smdp"]), Is.True);
    }
}
