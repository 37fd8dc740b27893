using Conformance.Cli.Commands;

namespace Conformance.Cli.Tests;

public class DecodeCommandTests
{
    private const string ProfileHex =
        "a048800102810101821a53494d616c6c69616e63652053616d706c652050726f66696c65830a89000123456789012341" +
        "a506810084008b00a610060667810f010201060667810f010204aa07a005800081010a";

    private static (int Code, string Output) Run(string arg, string stdin = "")
    {
        var output = new StringWriter();
        int code = DecodeCommand.Run(arg, new StringReader(stdin), output);
        return (code, output.ToString());
    }

    [TestCase("hex")]
    [TestCase("spaced")]
    [TestCase("base64")]
    [TestCase("stdin")]
    public void AcceptsEveryInputForm(string form)
    {
        byte[] bytes = Convert.FromHexString(ProfileHex);
        (int code, string output) = form switch
        {
            "hex" => Run(ProfileHex),
            "spaced" => Run("0x" + string.Join(' ', bytes.Select(b => b.ToString("X2")))),
            "base64" => Run(Convert.ToBase64String(bytes)),
            _ => Run("-", ProfileHex + "\n"),
        };
        Assert.That(code, Is.EqualTo(0));
        Assert.That(output, Does.Contain("iccid: \"89000123456789012341\""));
    }

    [Test]
    public void ReadsBinaryAndTextFiles()
    {
        string bin = Path.GetTempFileName();
        string txt = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(bin, Convert.FromHexString(ProfileHex));
            File.WriteAllText(txt, ProfileHex);
            Assert.That(Run("@" + bin).Output, Does.Contain("ProfilePackage (SAIP)"));
            Assert.That(Run("@" + txt).Output, Does.Contain("ProfilePackage (SAIP)"));
        }
        finally
        {
            File.Delete(bin);
            File.Delete(txt);
        }
    }

    [Test]
    public void UnknownTagIsShownAsTlvAndExitsOne()
    {
        (int code, string output) = Run("5A0A98001032547698103214");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("no SGP.22 message has outer tag 5A"));
        Assert.That(output, Does.Contain("5A (10 bytes): 98001032547698103214"));
    }

    [Test]
    public void JsonBodiesHaveTheirBase64FieldsDecoded()
    {
        string json = "{\"header\":{\"functionRequesterIdentifier\":\"x\"},\"profile\":\"" +
            Convert.ToBase64String(Convert.FromHexString(ProfileHex)) + "\"}";
        (int code, string output) = Run(json);
        Assert.That(code, Is.EqualTo(0));
        Assert.That(output, Does.Contain("profile (base64):"));
        Assert.That(output, Does.Contain("profileType: \"SIMalliance Sample Profile\""));
    }

    [TestCase("zz", "neither hex, base64 nor JSON")]
    [TestCase("ABC", "odd number of hex digits")]
    [TestCase("@/nonexistent/file", "no such file")]
    [TestCase("{not json", "invalid JSON")]
    public void BadInputIsOneClearError(string arg, string message)
    {
        var e = Assert.Throws<CliError>(() => Run(arg))!;
        Assert.That(e.Message, Does.Contain(message));
    }
}

public class CliAppTests
{
    [Test]
    public void AtFileReachesDecodeInsteadOfBeingExpandedAsAResponseFile()
    {
        string file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "5A0A98001032547698103214");
            var result = CliApp.Parse(["decode", "@" + file]);
            Assert.That(result.Errors, Is.Empty);
            Assert.That(result.Tokens.Select(t => t.Value), Is.EqualTo(new[] { "decode", "@" + file }));
        }
        finally
        {
            File.Delete(file);
        }
    }
}

public class DecodeJsonTests
{
    [Test]
    public void JsonIsPrintedWithoutEscapingQuotesOrAccents()
    {
        var output = new StringWriter();
        DecodeCommand.Run("{\"message\":\"the SM-DP+'s 'address' — café\"}", TextReader.Null, output);
        Assert.That(output.ToString(), Does.Contain("\"message\": \"the SM-DP+'s 'address' — café\""));
    }
}
