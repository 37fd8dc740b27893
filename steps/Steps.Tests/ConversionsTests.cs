using Conformance.Adapters.Es2Plus;
using Conformance.Rsp.StatusCodes;
using Conformance.Steps.Drivers;
using Conformance.Steps.Support;

namespace Conformance.Steps.Tests;

public class ConversionsTests
{
    [Test]
    public void StatusCodesAreTheNamedCodesOfTheTable()
    {
        Assert.That(Conversions.ToStatusCode("8.2.1", "3.9"), Is.SameAs(FunctionStatusCodes.IccidUnknown));
        Assert.That(Conversions.ToStatusCode("8.1.1", "3.10"), Is.SameAs(FunctionStatusCodes.EidDifferentFromOrder));
        Assert.Throws<ArgumentException>(() => Conversions.ToStatusCode("9.9", "9.9"));
    }

    [Test]
    public void HexBecomesBytes() =>
        Assert.That(Conversions.ToBytes("80 E2 91 00"), Is.EqualTo(new byte[] { 0x80, 0xE2, 0x91, 0x00 }));

    [Test]
    public void AConfirmOrderTableFillsDefaultsAndPlaceholders()
    {
        var session = new OrderSession { Iccid = "89990100000000000013", MatchingId = "CT001-AAAAA-BBBBB-CCCCC" };
        var table = new Table("field", "value");
        table.AddRow("eid", "<another eUICC>");
        table.AddRow("matchingId", "<empty>");
        table.AddRow("smdsAddress", "smds.example.com");
        ConfirmOrderRequest r = new Conversions(session).ToConfirmOrder(table);
        Assert.That(r, Is.EqualTo(new ConfirmOrderRequest("89990100000000000013", true, Identifiers.Eid2, "", null, "smds.example.com")));
    }

    [Test]
    public void ACancelOrderTableDefaultsToAvailableAndCanOmitFields()
    {
        var session = new OrderSession { Iccid = "89990100000000000013", MatchingId = "CT001-AAAAA-BBBBB-CCCCC" };
        var table = new Table("field", "value");
        table.AddRow("matchingId", "<the order's MatchingID>");
        table.AddRow("eid", "<none>");
        CancelOrderRequest r = new Conversions(session).ToCancelOrder(table);
        Assert.That(r, Is.EqualTo(new CancelOrderRequest("89990100000000000013", "Available", null, "CT001-AAAAA-BBBBB-CCCCC")));
    }

    [Test]
    public void UnknownFieldsAndPlaceholdersAreNamed()
    {
        var conversions = new Conversions(new OrderSession { Iccid = "89990100000000000013" });
        var badField = new Table("field", "value");
        badField.AddRow("matchingID", "X");
        Assert.That(Assert.Throws<ArgumentException>(() => conversions.ToConfirmOrder(badField))!.Message, Does.StartWith("'matchingID' is not a field"));
        var badPlaceholder = new Table("field", "value");
        badPlaceholder.AddRow("eid", "<a third eUICC>");
        Assert.That(Assert.Throws<ArgumentException>(() => conversions.ToConfirmOrder(badPlaceholder))!.Message, Is.EqualTo("unknown placeholder <a third eUICC>"));
    }
}
