using Conformance.SmdpPlus.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Conformance.SmdpPlus.Es9Plus;

/// <summary>The ES9+ routes (SGP.22 v2.5 §6.5.2: POST /gsma/rsp2/es9plus/&lt;function&gt;).</summary>
public static class Es9PlusApi
{
    public const string BasePath = "/gsma/rsp2/es9plus";

    public static RouteGroupBuilder MapEs9Plus(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder g = app.MapGroup(BasePath);
        g.MapPost("/initiateAuthentication", Function("InitiateAuthentication", InitiateAuthenticationRequest.Parse,
            (f, r, c, ct) => f.InitiateAuthentication(r, c, ct), r => "smdpAddress=" + r.SmdpAddress));
        g.MapPost("/authenticateClient", Function("AuthenticateClient", AuthenticateClientRequest.Parse,
            (f, r, c, ct) => f.AuthenticateClient(r, c, ct), r => "transactionId=" + r.TransactionId));
        g.MapPost("/getBoundProfilePackage", Function("GetBoundProfilePackage", GetBoundProfilePackageRequest.Parse,
            (f, r, c, ct) => f.GetBoundProfilePackage(r, c, ct), r => "transactionId=" + r.TransactionId));
        g.MapPost("/handleNotification", Function("HandleNotification", HandleNotificationRequest.Parse,
            (f, r, c, ct) => f.HandleNotification(r, c, ct), _ => "-"));
        g.MapPost("/cancelSession", Function("CancelSession", CancelSessionRequest.Parse,
            (f, r, c, ct) => f.CancelSession(r, c, ct), r => "transactionId=" + r.TransactionId));
        return g;
    }

    private static RequestDelegate Function<TRequest>(string function, Func<JsonFields, TRequest> parse,
        Func<IEs9PlusFunctions, TRequest, CallLog, CancellationToken, Task<RspResult>> invoke, Func<TRequest, string> subject) =>
        ctx => Run(ctx, function, parse, invoke, subject);

    private static Task Run<TRequest>(HttpContext ctx, string function, Func<JsonFields, TRequest> parse,
        Func<IEs9PlusFunctions, TRequest, CallLog, CancellationToken, Task<RspResult>> invoke, Func<TRequest, string> subject)
    {
        IEs9PlusFunctions functions = ctx.RequestServices.GetRequiredService<IEs9PlusFunctions>();
        return RspEndpoint.Handle(ctx, new CallLog("ES9+", function), parse, (request, call, ct) =>
        {
            call.Subject = subject(request);
            return invoke(functions, request, call, ct);
        });
    }
}
