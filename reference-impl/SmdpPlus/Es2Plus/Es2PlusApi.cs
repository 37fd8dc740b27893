using Conformance.Rsp.StatusCodes;
using Conformance.SmdpPlus.Hosting;
using Conformance.SmdpPlus.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Conformance.SmdpPlus.Es2Plus;

/// <summary>
/// The ES2+ routes of the SM-DP+ (SGP.22 v2.5 §6.5.2: POST /gsma/rsp2/es2plus/&lt;function&gt;). Every call must
/// come with a TLS client certificate issued by the operator CA; any other answers Failed 1.1 / 1.1.
/// </summary>
public static class Es2PlusApi
{
    public const string BasePath = "/gsma/rsp2/es2plus";

    public static RouteGroupBuilder MapEs2Plus(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder g = app.MapGroup(BasePath);
        g.MapPost("/downloadOrder", Function("DownloadOrder", DownloadOrderRequest.Parse, (f, r, c, ct) => f.DownloadOrder(r, c, ct)));
        g.MapPost("/confirmOrder", Function("ConfirmOrder", ConfirmOrderRequest.Parse, (f, r, c, ct) => f.ConfirmOrder(r, c, ct)));
        g.MapPost("/cancelOrder", Function("CancelOrder", CancelOrderRequest.Parse, (f, r, c, ct) => f.CancelOrder(r, c, ct)));
        g.MapPost("/releaseProfile", Function("ReleaseProfile", ReleaseProfileRequest.Parse, (f, r, c, ct) => f.ReleaseProfile(r, c, ct)));
        return g;
    }

    private static RequestDelegate Function<TRequest>(string function, Func<JsonFields, TRequest> parse,
        Func<Es2PlusFunctions, TRequest, CallLog, CancellationToken, Task<RspResult>> invoke) =>
        ctx => Run(ctx, function, parse, invoke);

    private static Task Run<TRequest>(HttpContext ctx, string function, Func<JsonFields, TRequest> parse,
        Func<Es2PlusFunctions, TRequest, CallLog, CancellationToken, Task<RspResult>> invoke)
    {
        Es2PlusFunctions functions = ctx.RequestServices.GetRequiredService<Es2PlusFunctions>();
        string? refusal = ctx.RequestServices.GetRequiredService<OperatorCertificateValidator>().Refusal(ctx.Connection.ClientCertificate);
        // The caller first: an unauthenticated client learns nothing about the request it sent (not even that it is malformed).
        return refusal is null
            ? RspEndpoint.Handle(ctx, new CallLog("ES2+", function), parse, (request, call, ct) => invoke(functions, request, call, ct))
            : RspEndpoint.RefuseAsync(ctx, new CallLog("ES2+", function), RspResult.Fail(FunctionStatusCodes.FunctionRequesterUnknown, refusal));
    }
}
