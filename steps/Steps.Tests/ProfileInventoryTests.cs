using Conformance.Steps.Support;

namespace Conformance.Steps.Tests;

/// <summary>The ICCIDs a run may order on a remote SM-DP+: handed out once, back only after a cancelled order.</summary>
public class ProfileInventoryTests
{
    [Test]
    public void An_iccid_is_handed_out_once_until_it_is_returned()
    {
        var inventory = new ProfileInventory(["8900000000000000001", "8900000000000000002"], "Test");
        string first = inventory.Take();
        string second = inventory.Take();
        Assert.That(first, Is.Not.EqualTo(second));
        Assert.Throws<InvalidOperationException>(() => inventory.Take());

        inventory.Return(first);
        Assert.That(inventory.Take(), Is.EqualTo(first), "a cancelled order made its profile available again");
    }

    [Test]
    public void Only_a_handed_out_iccid_comes_back()
    {
        var inventory = new ProfileInventory(["8900000000000000001"], "Test");
        inventory.Return("8911111111111111111");
        Assert.That(inventory.Remaining, Is.EqualTo(1));
        string taken = inventory.Take();
        inventory.Return(taken);
        inventory.Return(taken);
        Assert.That(inventory.Remaining, Is.EqualTo(1), "returned twice, queued once");
    }
}
