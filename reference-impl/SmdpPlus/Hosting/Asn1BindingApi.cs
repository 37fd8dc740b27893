using Conformance.Rsp.StatusCodes;
using Conformance.SmdpPlus.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Conformance.SmdpPlus.Hosting;

/// <summary>
/// The ASN.1 binding route (SGP.22 v2.5 §6.6: POST /gsma/rsp2/asn1, application/x-gsma-rsp-asn1).
/// Registered so that the path exists; PLACEHOLDER until the ASN.1 messages land: it answers Failed 1.2 / 3.1.
/// </summary>
public static class Asn1BindingApi
{
    public const string Path = "/gsma/rsp2/asn1";
    public const string MediaType = "application/x-gsma-rsp-asn1";

    public static IEndpointConventionBuilder MapAsn1Binding(this IEndpointRouteBuilder app) =>
        app.MapPost(Path, (RequestDelegate)(ctx => RspEndpoint.WriteAsync(ctx,
            RspResult.Fail(FunctionStatusCodes.FunctionUnsupported, "the ASN.1 binding is not implemented yet in the reference SM-DP+"),
            ctx.RequestServices.GetRequiredService<SmdpOptions>())));
}
