using Conformance.Rsp.StatusCodes;
using Conformance.SmdpPlus.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conformance.SmdpPlus.Hosting;

/// <summary>
/// What an RSP server of this project (the SM-DP+, the SM-DS) answers outside its functions: an exception that escapes a
/// handler, a routing answer (404, 405...) and a path with no function all become a Failed functionExecutionStatus in
/// the binding's shape (SGP.22 v2.5 §6.5.1), never an HTTP 500 page or a stack trace.
/// </summary>
/// <param name="Server">The server's name in messages: "SM-DP+", "SM-DS".</param>
/// <param name="Functions">What the fallback says is missing: "RSP function", "SM-DS function".</param>
/// <param name="LogCategory">The logger category of unexpected errors.</param>
public sealed record RspServerAnswers(string Server, string Functions, string LogCategory)
{
    /// <summary>Before the functions are mapped: the exception handler and the status code pages.</summary>
    public void UseBefore(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = HandleUnexpected });
        app.UseStatusCodePages(new StatusCodePagesOptions { HandleAsync = HandleStatusCode });
    }

    /// <summary>After the functions are mapped: any other path.</summary>
    public void MapFallback(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapFallback((RequestDelegate)(ctx => WriteFailure(ctx, FunctionStatusCodes.FunctionUnsupported,
            $"no {Functions} at {ctx.Request.Method} {ctx.Request.Path}")));
    }

    private Task HandleUnexpected(HttpContext ctx)
    {
        Exception? e = ctx.Features.Get<IExceptionHandlerFeature>()?.Error;
        ctx.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategory)
            .LogError(e, "unhandled error on {Path}", ctx.Request.Path.Value);
        return WriteFailure(ctx, FunctionStatusCodes.ExecutionError, $"unexpected error in the {Server} (logged)");
    }

    private Task HandleStatusCode(StatusCodeContext c) =>
        WriteFailure(c.HttpContext, FunctionStatusCodes.FunctionUnsupported,
            $"no {Functions} at {c.HttpContext.Request.Method} {c.HttpContext.Request.Path} (HTTP {c.HttpContext.Response.StatusCode})");

    private static Task WriteFailure(HttpContext ctx, StatusCode code, string message) =>
        RspEndpoint.WriteAsync(ctx, RspResult.Fail(code, message), ctx.RequestServices.GetRequiredService<SmdpOptions>());
}

/// <summary>A host lifetime that handles no signal: the server's owner starts and stops it.</summary>
public sealed class OwnerLifetime : Microsoft.Extensions.Hosting.IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
