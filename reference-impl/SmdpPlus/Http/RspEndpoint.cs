using System.Buffers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Conformance.Rsp.StatusCodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace Conformance.SmdpPlus.Http;

/// <summary>
/// The HTTP/JSON binding shared by every ES9+ and ES2+ function (SGP.22 v2.5 §6.5.1): header checks,
/// bounded body, strict JSON, the Failed status for every malformed request (HTTP 200, never 500),
/// the response header, X-Admin-Protocol echo, and one log line per call.
/// </summary>
public static partial class RspEndpoint
{
    private static readonly Regex AdminProtocol = AdminProtocolRegex();

    /// <summary>Runs one function: read and check the request, parse it, call the handler, write the answer.</summary>
    public static async Task Handle<TRequest>(HttpContext ctx, CallLog call, Func<JsonFields, TRequest> parse,
        Func<TRequest, CallLog, CancellationToken, Task<RspResult>> handler)
    {
        SmdpOptions options = ctx.RequestServices.GetRequiredService<SmdpOptions>();
        ILogger logger = ctx.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Conformance.SmdpPlus.Calls");
        RspResult result;
        bool bodyUnread = false;
        try
        {
            CheckHeaders(ctx.Request);
            using JsonDocument doc = await ReadJsonAsync(ctx.Request, options.MaxRequestBodyBytes, ctx.RequestAborted).ConfigureAwait(false);
            TRequest request = parse(new JsonFields(doc.RootElement));
            result = await handler(request, call, ctx.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e)
        {
            // The request cannot be framed (chunk sizes that are not hex or overflow, a chunk without its CRLF, a body shorter
            // than Content-Length): no JSON request exists to answer in the binding's shape, so HTTP 400 (RFC 9112 §7.1).
            LogCall(logger, call.Interface, call.Function, call.Subject, $"HTTP {e.StatusCode} (request framing)");
            await RefuseUnframedAsync(ctx, e.StatusCode).ConfigureAwait(false);
            return;
        }
        catch (RspRequestException e)
        {
            result = RspResult.Fail(e.Code, e.Message, e.SubjectIdentifier);
            bodyUnread = e.Message.StartsWith(TooLargePrefix, StringComparison.Ordinal);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ctx.RequestAborted.IsCancellationRequested)
        {
            LogUnexpected(logger, e, call.Interface, call.Function);
            result = RspResult.Fail(FunctionStatusCodes.ExecutionError, "unexpected error in the SM-DP+ (logged)");
        }

        LogCall(logger, call.Interface, call.Function, call.Subject, Outcome(result));
        await WriteAsync(ctx, result, options).ConfigureAwait(false);
        if (bodyUnread)
        {
            await EndUnreadBodyAsync(ctx).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// After a complete answer to a request whose body was left unread (over the size limit): on HTTP/2 the stream is
    /// reset with NO_ERROR so the client stops sending and sees the answer (RFC 9113 §8.1: "a server MAY request that the
    /// client abort transmission of a request without error by sending a RST_STREAM with an error code of NO_ERROR after
    /// sending a complete response"); HTTP/1.1 connections are closed by Kestrel itself.
    /// </summary>
    public static async Task EndUnreadBodyAsync(HttpContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        if (HttpProtocol.IsHttp2(ctx.Request.Protocol) && ctx.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResetFeature>() is { } reset)
        {
            await ctx.Response.CompleteAsync().ConfigureAwait(false);
            reset.Reset(0);
        }
    }

    /// <summary>An HTTP status with no body: the JSON status-code page of the host is switched off for it.</summary>
    public static void AnswerWithoutBody(HttpContext ctx, int status)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        if (ctx.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }
        ctx.Response.StatusCode = status;
    }

    /// <summary>HTTP 400 (or Kestrel's 4xx for the framing fault) with no body, the connection not kept.</summary>
    public static async Task RefuseUnframedAsync(HttpContext ctx, int status)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        if (!ctx.Response.HasStarted)
        {
            AnswerWithoutBody(ctx, status is >= 400 and < 500 ? status : StatusCodes.Status400BadRequest);
            ctx.Response.Headers.Connection = "close";
        }
        await EndUnreadBodyAsync(ctx).ConfigureAwait(false);
    }

    /// <summary>Answers with <paramref name="refusal"/> before reading the request (an unknown caller), and logs the call.</summary>
    public static async Task RefuseAsync(HttpContext ctx, CallLog call, RspResult refusal)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(call);
        SmdpOptions options = ctx.RequestServices.GetRequiredService<SmdpOptions>();
        ILogger logger = ctx.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Conformance.SmdpPlus.Calls");
        LogCall(logger, call.Interface, call.Function, call.Subject, Outcome(refusal));
        await WriteAsync(ctx, refusal, options).ConfigureAwait(false);
    }

    /// <summary>Writes a result: 204, or 200 with the JSON body and its header.</summary>
    public static async Task WriteAsync(HttpContext ctx, RspResult result, SmdpOptions options)
    {
        HttpResponse response = ctx.Response;
        // SGP.22 §6.5.1: responses carry X-Admin-Protocol (the defect MissingAdminProtocolHeader leaves it out).
        if (!options.Defects.Contains(SmdpDefect.MissingAdminProtocolHeader))
        {
            response.Headers[RspJson.AdminProtocolHeader] = EchoedAdminProtocol(ctx.Request, options);
        }
        if (result is RspResult.NoContent)
        {
            response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        FunctionExecutionStatus status = result switch
        {
            // A message names the problem in words: never an exception type or stack frame, whatever a library put in it.
            RspResult.Failure f => FunctionExecutionStatus.Failed(f.Code, Rsp.ErrorText.Clean(f.Message), f.SubjectIdentifier),
            _ => FunctionExecutionStatus.Success,
        };
        // { "header": {...}, <the body's fields> }: the two serialised objects spliced, header first.
        byte[] header = JsonSerializer.SerializeToUtf8Bytes(new ResponseHeader(status), RspJson.Options);
        byte[] fields = result is RspResult.Success s ? JsonSerializer.SerializeToUtf8Bytes(s.Body, s.Body.GetType(), RspJson.Options) : "{}"u8.ToArray();
        if (fields.Length < 2 || fields[0] != (byte)'{')
        {
            throw new InvalidOperationException("a function's success body must serialise to a JSON object");
        }
        bool empty = fields.AsSpan(1).Trim((byte)' ').SequenceEqual("}"u8);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = RspJson.ContentType;
        // One buffer, one write: each write of the body would otherwise be its own TLS record and send.
        byte[] body = [.. "{\"header\":"u8, .. header, .. (empty ? "}"u8 : [(byte)',', .. fields.AsSpan(1)])];
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, ctx.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The status written in the log line.</summary>
    public static string Outcome(RspResult r) => r switch
    {
        RspResult.Failure f => $"Failed {f.Code}",
        RspResult.NoContent => "204",
        _ => FunctionExecutionStatusValues.ExecutedSuccess,
    };

    // SGP.22 §6.5.1: requests carry Content-Type application/json and X-Admin-Protocol gsma/rsp/v<x.y.z>.
    private static void CheckHeaders(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out MediaTypeHeaderValue? type) ||
            !type.MediaType.Equals(RspJson.MediaType, StringComparison.OrdinalIgnoreCase))
        {
            throw new RspRequestException(FunctionStatusCodes.RequestInvalid,
                $"Content-Type must be {RspJson.MediaType}, found '{request.ContentType}'");
        }

        if (type.Charset.HasValue && !type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            throw new RspRequestException(FunctionStatusCodes.RequestInvalid, $"charset must be UTF-8, found '{type.Charset}'");
        }

        switch (CheckAdminProtocol(request))
        {
            case AdminProtocolProblem.Missing:
                throw new RspRequestException(FunctionStatusCodes.MandatoryElementMissing, "HTTP header X-Admin-Protocol is missing");
            case AdminProtocolProblem.Malformed:
                // The value is not repeated: it may hold characters a response may not carry.
                throw new RspRequestException(FunctionStatusCodes.RequestInvalid, "X-Admin-Protocol must be gsma/rsp/v<major>.<minor>.<revision> in ASCII digits");
            default:
                break;
        }
    }

    /// <summary>What is wrong with a request's X-Admin-Protocol, the one rule of both ES9+ bindings (SGP.22 §6.5.1, §6.6.1).</summary>
    public enum AdminProtocolProblem
    {
        None,
        Missing,
        Malformed,
    }

    /// <summary>
    /// X-Admin-Protocol of a request: present once, gsma/rsp/v followed by three ASCII numbers ([0-9], not \d: .NET's \d
    /// matches every Unicode digit, and such a value cannot go back in a response header).
    /// </summary>
    public static AdminProtocolProblem CheckAdminProtocol(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Microsoft.Extensions.Primitives.StringValues values = request.Headers[RspJson.AdminProtocolHeader];
        return values.Count == 0 || string.IsNullOrEmpty(values[0]) ? AdminProtocolProblem.Missing
            : values.Count > 1 || !AdminProtocol.IsMatch(values[0]!) ? AdminProtocolProblem.Malformed
            : AdminProtocolProblem.None;
    }

    /// <summary>The X-Admin-Protocol of the answer: the request's when it is valid, else the SM-DP+'s own.</summary>
    public static string EchoedAdminProtocol(HttpRequest request, SmdpOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        return CheckAdminProtocol(request) == AdminProtocolProblem.None ? request.Headers[RspJson.AdminProtocolHeader][0]! : options.AdminProtocol;
    }

    private static async Task<JsonDocument> ReadJsonAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            Memory<byte> chunk = buffer.GetMemory(16384);
            int n = await ReadFramedAsync(request.Body, chunk, ct).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }

            buffer.Advance(n);
            if (buffer.WrittenCount > maxBytes)
            {
                throw TooLarge(maxBytes);
            }
        }

        try
        {
            return JsonDocument.Parse(buffer.WrittenMemory, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw new RspRequestException(FunctionStatusCodes.RequestInvalid,
                $"the request body is not valid JSON (line {e.LineNumber}, byte {e.BytePositionInLine})");
        }
    }

    /// <summary>
    /// One read of a request body. Kestrel reports a body it cannot de-frame as BadHttpRequestException, or (a chunk size
    /// that overflows) as a bare IOException "Bad chunk size data": both are the client's framing fault, so both become
    /// BadHttpRequestException (HTTP 400) while the connection is still there.
    /// </summary>
    public static async ValueTask<int> ReadFramedAsync(Stream body, Memory<byte> into, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return await body.ReadAsync(into, ct).ConfigureAwait(false);
        }
        catch (IOException e) when (e is not BadHttpRequestException && !ct.IsCancellationRequested)
        {
            throw new BadHttpRequestException("the request body cannot be de-framed", StatusCodes.Status400BadRequest, e);
        }
    }

    private const string TooLargePrefix = "the request body is larger than";

    private static RspRequestException TooLarge(long maxBytes) =>
        new(FunctionStatusCodes.RequestInvalid, $"{TooLargePrefix} {maxBytes} bytes");

    [GeneratedRegex(@"^gsma/rsp/v[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex AdminProtocolRegex();

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Interface} {Function} {Subject} outcome={Outcome}")]
    private static partial void LogCall(ILogger logger, string @interface, string function, string subject, string outcome);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "{Interface} {Function}: unexpected error")]
    private static partial void LogUnexpected(ILogger logger, Exception e, string @interface, string function);
}
