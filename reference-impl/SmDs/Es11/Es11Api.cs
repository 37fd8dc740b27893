using Conformance.Rsp.Smds;
using Conformance.SmdpPlus.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Conformance.SmDs.Es11;

/// <summary>
/// The ES11 routes (SGP.22 v2.5 §6.5.2): /gsma/rsp2/es11/initiateAuthentication and /authenticateClient, and the same
/// functions at the ES9+ paths deployed LPAs use towards an SM-DS. No client certificate (the LPA has none).
/// </summary>
public static class Es11Api
{
    public static IEndpointRouteBuilder MapEs11(this IEndpointRouteBuilder app)
    {
        foreach (string path in new[] { SmdsPaths.InitiateAuthentication, SmdsPaths.Es9PlusInitiateAuthentication })
        {
            app.MapPost(path, Function("InitiateAuthentication", Es11InitiateAuthenticationRequest.Parse, (f, r, c) => Task.FromResult(f.InitiateAuthentication(r, c))));
        }
        foreach (string path in new[] { SmdsPaths.AuthenticateClient, SmdsPaths.Es9PlusAuthenticateClient })
        {
            app.MapPost(path, Function("AuthenticateClient", Es11AuthenticateClientRequest.Parse, (f, r, c) => f.AuthenticateClient(r, c)));
        }
        return app;
    }

    private static RequestDelegate Function<TRequest>(string function, Func<JsonFields, TRequest> parse, Func<Es11Functions, TRequest, CallLog, Task<RspResult>> invoke) =>
        ctx => Run(ctx, function, parse, invoke);

    private static Task Run<TRequest>(HttpContext ctx, string function, Func<JsonFields, TRequest> parse, Func<Es11Functions, TRequest, CallLog, Task<RspResult>> invoke)
    {
        Es11Functions functions = ctx.RequestServices.GetRequiredService<Es11Functions>();
        return RspEndpoint.Handle(ctx, new CallLog("ES11", function), parse, (request, call, _) => invoke(functions, request, call));
    }
}
