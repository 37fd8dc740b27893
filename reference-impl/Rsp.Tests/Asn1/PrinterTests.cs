using Conformance.Rsp.Asn1;
using Conformance.Rsp.Asn1.Printing;
using Conformance.Rsp.StatusCodes;

namespace Conformance.Rsp.Tests.Asn1;

public class PrinterTests
{
    private sealed record Version(int Major, int Minor) : IAsn1Scalar
    {
        public override string ToString() => $"{Major}.{Minor}";
    }

    private sealed record Inner(byte[] TransactionId, ErrorReason Reason);

    private sealed record Outer(
        Inner EuiccSigned1,
        [property: DerRaw] ReadOnlyMemory<byte> EuiccSigned1Der,
        string ServerAddress,
        Version Svn,
        IReadOnlyList<int> Numbers,
        string? Absent,
        IReadOnlyList<Asn1Element> Extensions);

    [Test]
    public void PrintsSpecFieldNamesNestedValuesAndUnknownExtensions()
    {
        var ext = new DerReader(Convert.FromHexString("9F7F0102"), "x").ReadAny();
        var msg = new Outer(new Inner([0xAB, 0xCD], ErrorReason.invalidSignature), new byte[] { 1, 2, 3 },
            "smdp.example.com", new Version(2, 2), [7, 8], null, [ext]);
        string text = MessagePrinter.Print(msg);
        Assert.That(text, Is.EqualTo(string.Join('\n',
            "Outer",
            "  euiccSigned1: Inner",
            "    transactionId (2 bytes): ABCD",
            "    reason: invalidSignature (2)",
            "  serverAddress: \"smdp.example.com\"",
            "  svn: 2.2",
            "  numbers: 2 item(s)",
            "    [0]: 7",
            "    [1]: 8",
            "  extensions: 1 item(s)",
            "    [0]: unknown tag 9F7F (1 bytes)",
            "      9F7F (1 bytes): 02",
            "") .Replace("\n", Environment.NewLine)));
    }

    [Test]
    public void TlvPrinterShowsNestingTextAndWhereTheEncodingBreaks()
    {
        string text = TlvPrinter.Print(Convert.FromHexString("BF3E055A0348454C" + "8005AA"));
        Assert.That(text, Does.Contain("BF3E (5 bytes)"));
        Assert.That(text, Does.Contain("  5A (3 bytes): 48454C  \"HEL\""));
        Assert.That(text, Does.Contain("!! malformed TLV at offset 8"));
    }
}
