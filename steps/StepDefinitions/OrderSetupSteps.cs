using Conformance.Steps.Drivers;
using Conformance.Steps.Support;

namespace Conformance.Steps.StepDefinitions;

/// <summary>Given steps that put an order on the SM-DP+ into the state a scenario starts from (ES2+, SGP.22 §5.3).</summary>
[Binding]
public sealed class OrderSetupSteps(OrderDriver orders)
{
    [Given(@"^an available profile in the SM-DP\+ inventory$")]
    public void AvailableProfile() => orders.TakeAvailableProfile();

    [Given(@"^the operator has ordered a profile (for the eUICC|without an EID)$")]
    public Task OrderedProfile(string forWhom) =>
        orders.OrderProfileAsync(forWhom == "for the eUICC" ? Identifiers.Eid1 : null);

    [Given(@"^the operator has confirmed that order (with a new MatchingID|without releasing the profile|and released the profile)$")]
    public Task ConfirmedOrder(string how) => orders.ConfirmAsync(release: how == "and released the profile");

    [Given(@"^another order of the operator is confirmed with a new MatchingID$")]
    public Task OtherConfirmedOrder() => orders.ConfirmOtherOrderAsync();

    [Given(@"^a profile the operator has (not ordered|ordered for the eUICC|confirmed without releasing)$")]
    public async Task ProfileInState(string state)
    {
        if (state == "not ordered")
        {
            orders.TakeAvailableProfile();
            return;
        }

        await orders.OrderProfileAsync(Identifiers.Eid1);
        if (state == "confirmed without releasing")
        {
            await orders.ConfirmAsync(release: false);
        }
    }
}

/// <summary>
/// End of every scenario that played the operator on ES2+ (ES2+ and ES9+ features, SM-DS events, end to end): the orders it
/// left are cancelled (<see cref="OrderDriver.EndLeftoverOrdersAsync"/>). A scenario that made no order has nothing to cancel.
/// </summary>
[Binding]
public sealed class OperatorHooks(OrderDriver orders)
{
    [AfterScenario(Order = Support.HookOrder.Verdict - 1)]
    public Task EndLeftoverOrders() => orders.EndLeftoverOrdersAsync();
}
