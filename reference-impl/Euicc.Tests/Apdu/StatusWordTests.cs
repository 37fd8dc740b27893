using Conformance.Euicc.Apdu;

namespace Conformance.Euicc.Tests.Apdu;

/// <summary>Every status word the front end uses, from a command that must produce it.</summary>
public class StatusWordTests
{
    private const string IsdrAid = "A0000005591010FFFFFFFF8900000100";

    [TestCase("00A404", "6700", Description = "3 bytes: not an APDU")]
    [TestCase("00A4040000000210" + IsdrAid, "6700", Description = "extended length")]
    [TestCase("00A4040011" + IsdrAid, "6700", Description = "Lc longer than the data")]
    [TestCase("00A404000E" + IsdrAid, "6700", Description = "Lc shorter than the data by more than Le")]
    [TestCase("FFA4040010" + IsdrAid, "6E00", Description = "CLA 'FF' invalid")]
    [TestCase("A0A4040010" + IsdrAid, "6E00", Description = "CLA 'A0' (GSM 11.11) not supported")]
    [TestCase("20A4040010" + IsdrAid, "6E00", Description = "CLA '20' RFU")]
    [TestCase("04A4040010" + IsdrAid, "6882", Description = "secure messaging")]
    [TestCase("10A4040010" + IsdrAid, "6884", Description = "command chaining")]
    [TestCase("40A4040010" + IsdrAid, "6881", Description = "channel 4 (further interindustry)")]
    [TestCase("C0E2910003BF2000", "6881", Description = "channel 4 (GlobalPlatform class)")]
    [TestCase("03A4040010" + IsdrAid, "6881", Description = "channel 3 not open")]
    [TestCase("80CA005A00", "6D00", Description = "GET DATA not offered")]
    [TestCase("00B0000000", "6D00", Description = "READ BINARY not offered")]
    [TestCase("80F2000000", "6D00", Description = "STATUS not offered")]
    [TestCase("00A4040010A0000005591010FFFFFFFF8900000200", "6A82", Description = "unknown AID")]
    [TestCase("00A4080010" + IsdrAid, "6A86", Description = "SELECT by path")]
    [TestCase("80E2910003BF2000", "6985", Description = "STORE DATA before SELECT")]
    [TestCase("00700000", "019000", Description = "MANAGE CHANNEL open")]
    [TestCase("80AA000003A90100", "9000", Description = "TERMINAL CAPABILITY")]
    public void FreshCardAnswers(string apdu, string expected)
    {
        var card = new IsdrFrontEnd(new RecordingHandler());
        Assert.That(card.Send(apdu), Is.EqualTo(expected));
    }

    [Test]
    public void TableNamesEveryStatusWordOfTheFrontEnd()
    {
        foreach (var field in typeof(StatusWords).GetFields().Where(f => f.FieldType == typeof(StatusWord)))
        {
            var sw = (StatusWord)field.GetValue(null)!;
            Assert.That(StatusWords.Describe(sw), Is.Not.EqualTo("unknown status word"), field.Name);
        }
        Assert.That(StatusWords.Describe(new StatusWord(0x6100)), Is.EqualTo("256 response bytes still available"));
        Assert.That(StatusWords.Describe(new StatusWord(0x6C2C)), Is.EqualTo("wrong Le, 44 bytes available"));
        Assert.That(new StatusWord(0x6A82).ToString(), Is.EqualTo("6A82 (file or application not found)"));
    }
}
