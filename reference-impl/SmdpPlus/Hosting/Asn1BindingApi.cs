using System.Buffers;
using Conformance.Rsp.Asn1;
using Conformance.SmdpPlus.Es9Plus;
using Conformance.SmdpPlus.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Asn = Conformance.Rsp.Asn1.Messages;

namespace Conformance.SmdpPlus.Hosting;

/// <summary>
/// The ES9+ ASN.1 binding (SGP.22 v2.5 §6.6): POST /gsma/rsp2/asn1 with Content-Type application/x-gsma-rsp-asn1,
/// body a RemoteProfileProvisioningRequest; answered with a RemoteProfileProvisioningResponse (HTTP 200) or,
/// for HandleNotification, HTTP 204. The request is mapped onto the same <see cref="IEs9PlusFunctions"/> as the
/// JSON binding; a failure becomes the error INTEGER of the function's response CHOICE (<see cref="Asn1BindingMapper"/>).
/// A body that is not a RemoteProfileProvisioningRequest answers HTTP 400 with no body (the binding has no error alternative for it).
/// </summary>
public static partial class Asn1BindingApi
{
    public const string Path = "/gsma/rsp2/asn1";
    public const string MediaType = "application/x-gsma-rsp-asn1";

    public static IEndpointConventionBuilder MapAsn1Binding(this IEndpointRouteBuilder app) =>
        app.MapPost(Path, (RequestDelegate)HandleAsync);

    private static async Task HandleAsync(HttpContext ctx)
    {
        SmdpOptions options = ctx.RequestServices.GetRequiredService<SmdpOptions>();
        IEs9PlusFunctions functions = ctx.RequestServices.GetRequiredService<IEs9PlusFunctions>();
        ILogger logger = ctx.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Conformance.SmdpPlus.Calls");
        if (!string.Equals(ctx.Request.ContentType?.Split(';')[0].Trim(), MediaType, StringComparison.OrdinalIgnoreCase))
        {
            await RspEndpoint.WriteAsync(ctx, RspResult.Fail(Rsp.StatusCodes.FunctionStatusCodes.RequestInvalid,
                $"Content-Type must be {MediaType}, found '{ctx.Request.ContentType}'"), options).ConfigureAwait(false);
            return;
        }
        // SGP.22 §6.6.1: the ASN.1 binding carries X-Admin-Protocol as the JSON binding does (§6.5.1); one rule for both.
        // This binding has no status for a request it cannot take: HTTP 400, as for a body that does not decode.
        if (RspEndpoint.CheckAdminProtocol(ctx.Request) is var problem && problem != RspEndpoint.AdminProtocolProblem.None)
        {
            LogRefused(logger, problem == RspEndpoint.AdminProtocolProblem.Missing ? "X-Admin-Protocol is missing" : "X-Admin-Protocol is malformed");
            RspEndpoint.AnswerWithoutBody(ctx, StatusCodes.Status400BadRequest);
            return;
        }
        byte[]? body;
        try
        {
            body = await ReadAsync(ctx.Request, options.MaxRequestBodyBytes, ctx.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e)
        {
            LogRefused(logger, $"the request cannot be framed (HTTP {e.StatusCode})");
            await RspEndpoint.RefuseUnframedAsync(ctx, e.StatusCode).ConfigureAwait(false);
            return;
        }
        Asn.RemoteProfileProvisioningRequest? request = null;
        try
        {
            request = body is null ? null : Asn.RemoteProfileProvisioningRequest.Decode(body);
        }
        catch (Asn1DecodeException e)
        {
            LogRefused(logger, e.Message);
        }
        if (request is null)
        {
            RspEndpoint.AnswerWithoutBody(ctx, StatusCodes.Status400BadRequest);
            if (body is null)
            {
                // Over the size limit, the rest of the body unread.
                await RspEndpoint.EndUnreadBodyAsync(ctx).ConfigureAwait(false);
            }
            return;
        }
        var call = new CallLog("ES9+ (ASN.1)", Asn1BindingMapper.FunctionName(request));
        RspResult result;
        try
        {
            result = await Asn1BindingMapper.InvokeAsync(functions, request, call, ctx.RequestAborted).ConfigureAwait(false);
        }
        catch (RspRequestException e)
        {
            result = RspResult.Fail(e.Code, e.Message, e.SubjectIdentifier);
        }
        LogCall(logger, call.Interface, call.Function, call.Subject, RspEndpoint.Outcome(result));
        if (!options.Defects.Contains(SmdpDefect.MissingAdminProtocolHeader))
        {
            ctx.Response.Headers[RspJson.AdminProtocolHeader] = RspEndpoint.EchoedAdminProtocol(ctx.Request, options);
        }
        if (request.HandleNotification is not null && result is RspResult.Success)
        {
            // The defect HandleNotificationAnswers200WithBody on this binding too: 200 with a body (an empty SEQUENCE)
            // where SGP.22 §6.6.1 has HandleNotification answered 204 with none.
            ctx.Response.StatusCode = StatusCodes.Status200OK;
            ctx.Response.ContentType = MediaType;
            await ctx.Response.Body.WriteAsync(new byte[] { 0x30, 0x00 }, ctx.RequestAborted).ConfigureAwait(false);
            return;
        }
        if (result is RspResult.NoContent || (request.HandleNotification is not null && result is not RspResult.Failure))
        {
            ctx.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }
        if (request.HandleNotification is not null)
        {
            // HandleNotification has no response alternative: a notification that cannot be decoded is refused with HTTP 400.
            RspEndpoint.AnswerWithoutBody(ctx, StatusCodes.Status400BadRequest);
            return;
        }
        byte[] answer = Asn1BindingMapper.Response(request, result, dropErrorCodes: options.Defects.Contains(SmdpDefect.Asn1BindingDropsErrorCode)).Encode();
        ctx.Response.StatusCode = StatusCodes.Status200OK;
        // SGP.22 §6.6.1: the response of the ASN.1 binding carries Content-Type application/x-gsma-rsp-asn1.
        ctx.Response.ContentType = options.Defects.Contains(SmdpDefect.Asn1BindingWrongContentType) ? "application/octet-stream" : MediaType;
        await ctx.Response.Body.WriteAsync(answer, ctx.RequestAborted).ConfigureAwait(false);
    }

    private static async Task<byte[]?> ReadAsync(HttpRequest request, long max, CancellationToken ct)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            int n = await RspEndpoint.ReadFramedAsync(request.Body, buffer.GetMemory(16384), ct).ConfigureAwait(false);
            if (n == 0)
            {
                return buffer.WrittenSpan.ToArray();
            }
            buffer.Advance(n);
            if (buffer.WrittenCount > max)
            {
                return null;
            }
        }
    }

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "{Interface} {Function} {Subject} outcome={Outcome}")]
    private static partial void LogCall(ILogger logger, string @interface, string function, string subject, string outcome);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "ES9+ (ASN.1): request refused: {Problem}")]
    private static partial void LogRefused(ILogger logger, string problem);
}
