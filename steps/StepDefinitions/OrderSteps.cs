using Conformance.Adapters.Es2Plus;
using Conformance.Steps.Drivers;
using Conformance.Steps.Support;

namespace Conformance.Steps.StepDefinitions;

/// <summary>When steps: the operator calls the ES2+ functions of the SM-DP+ (SGP.22 v2.5 §5.3.1–§5.3.4).</summary>
[Binding]
public sealed class OrderSteps(OrderDriver orders)
{
    [When(@"^the operator calls DownloadOrder for that profile (and the eUICC|without an EID)$")]
    public Task DownloadOrderByIccid(string forWhom) =>
        orders.DownloadOrderAsync(new DownloadOrderRequest(forWhom == "and the eUICC" ? Identifiers.Eid1 : null, orders.Session.RequireIccid()));

    [When(@"^the operator calls DownloadOrder for the inventory's profile type and the eUICC$")]
    public Task DownloadOrderByProfileType()
    {
        orders.Session.OrderedProfileType = orders.ProfileTypeForTypeOrders;
        return orders.DownloadOrderAsync(new DownloadOrderRequest(Identifiers.Eid1, ProfileType: orders.ProfileTypeForTypeOrders));
    }

    [When(@"^the operator calls (DownloadOrder|ReleaseProfile) for an ICCID unknown to the SM-DP\+$")]
    public Task UnknownIccid(string function) => function == "DownloadOrder"
        ? orders.DownloadOrderAsync(new DownloadOrderRequest(Identifiers.Eid1, Identifiers.UnknownIccid))
        : orders.ReleaseProfileAsync(new ReleaseProfileRequest(Identifiers.UnknownIccid));

    [When(@"^the operator calls ConfirmOrder with$")]
    public Task ConfirmOrder(ConfirmOrderRequest request) => orders.ConfirmOrderAsync(request);

    [When(@"^the operator calls CancelOrder with$")]
    public Task CancelOrder(CancelOrderRequest request) => orders.CancelOrderAsync(request);

    [When(@"^the operator calls ReleaseProfile for that profile$")]
    public Task ReleaseProfile() => orders.ReleaseProfileAsync(new ReleaseProfileRequest(orders.Session.RequireIccid()));

    [When(@"^the operator calls (DownloadOrder|ConfirmOrder|CancelOrder|ReleaseProfile) for that profile presenting (a client certificate from an untrusted CA|no client certificate)$")]
    public Task CallWithCertificate(string function, string certificate) =>
        orders.CallAsync(function, certificate == "no client certificate" ? OperatorIdentity.None : OperatorIdentity.Rogue);
}
