using Conformance.Rsp.Smds;
using Conformance.Rsp.StatusCodes;
using Conformance.SmdpPlus.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Conformance.SmDs.Es12;

/// <summary>
/// The ES12 routes (SGP.22 v2.5 §6.5.2: POST /gsma/rsp2/es12/registerEvent and /deleteEvent). Every call must come with
/// an SM-DP+ TLS client certificate of a trusted CI (<see cref="SmdpCallerValidator"/>); any other answers Failed 1.1 / 1.1.
/// </summary>
public static class Es12Api
{
    public static IEndpointRouteBuilder MapEs12(this IEndpointRouteBuilder app)
    {
        app.MapPost(SmdsPaths.RegisterEvent, Function("RegisterEvent", Es12Requests.ParseRegister, (f, r, c) => f.RegisterEvent(r, c)));
        app.MapPost(SmdsPaths.DeleteEvent, Function("DeleteEvent", Es12Requests.ParseDelete, (f, r, c) => f.DeleteEvent(r, c)));
        return app;
    }

    private static RequestDelegate Function<TRequest>(string function, Func<JsonFields, TRequest> parse, Func<Es12Functions, TRequest, CallLog, Task<RspResult>> invoke) =>
        ctx => Run(ctx, function, parse, invoke);

    private static Task Run<TRequest>(HttpContext ctx, string function, Func<JsonFields, TRequest> parse, Func<Es12Functions, TRequest, CallLog, Task<RspResult>> invoke)
    {
        Es12Functions functions = ctx.RequestServices.GetRequiredService<Es12Functions>();
        SmdsOptions options = ctx.RequestServices.GetRequiredService<SmdsOptions>();
        string? refusal = ctx.RequestServices.GetRequiredService<SmdpCallerValidator>().Refusal(ctx.Connection.ClientCertificate);
        if (options.Defects.Contains(SmdsDefect.AcceptUnauthenticatedSmdp))
        {
            refusal = null;
        }
        // The caller first: an unauthenticated client learns nothing about the request it sent (not even that it is malformed).
        return refusal is null
            ? RspEndpoint.Handle(ctx, new CallLog("ES12", function), parse, (request, call, _) => invoke(functions, request, call))
            : RspEndpoint.RefuseAsync(ctx, new CallLog("ES12", function), RspResult.Fail(FunctionStatusCodes.FunctionRequesterUnknown, refusal));
    }
}
