using System.Numerics;
using Conformance.Steps.Support;

namespace Conformance.Steps.Tests;

public class IdentifiersTests
{
    // The textbook Luhn example: 7992739871 has check digit 3.
    [Test]
    public void LuhnCheckDigitOfTheTextbookExample() => Assert.That(Identifiers.IccidWithLuhn("7992739871"), Is.EqualTo("79927398713"));

    // The SGP.26 test EID ends in 35: its check digits computed from the first 30 digits must give it back.
    [Test]
    public void EidCheckDigitsReproduceTheSgp26Eid() =>
        Assert.That(Identifiers.EidWithCheckDigits(Identifiers.Eid1[..30]), Is.EqualTo(Identifiers.Eid1));

    [Test]
    public void TheSecondEidIsValidAndDifferent()
    {
        Assert.That(BigInteger.Parse(Identifiers.Eid2) % 97, Is.EqualTo(BigInteger.One));
        Assert.That(Identifiers.Eid2, Is.Not.EqualTo(Identifiers.Eid1));
    }

    [Test]
    public void MatchingIdsFitAnActivationCode()
    {
        string id = Identifiers.NewMatchingId();
        Assert.That(id, Does.Match("^CT[0-9A-Z]{3}-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}$"));
        Assert.That(Identifiers.NewMatchingId(), Is.Not.EqualTo(id));
    }

    [Test]
    public void InventoryIccidsAreDistinctAndNeverTheUnknownOne()
    {
        var ids = Enumerable.Range(1, 200).Select(i => Identifiers.InventoryIccid(1, i)).ToList();
        Assert.That(ids.Distinct().Count(), Is.EqualTo(200));
        Assert.That(ids, Has.All.Match("^[0-9]{19}$"));
        Assert.That(ids, Has.None.EqualTo(Identifiers.UnknownIccid));
    }
}
