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
        try
        {
            CheckHeaders(ctx.Request);
            using JsonDocument doc = await ReadJsonAsync(ctx.Request, options.MaxRequestBodyBytes, ctx.RequestAborted).ConfigureAwait(false);
            TRequest request = parse(new JsonFields(doc.RootElement));
            result = await handler(request, call, ctx.RequestAborted).ConfigureAwait(false);
        }
        catch (RspRequestException e)
        {
            result = RspResult.Fail(e.Code, e.Message, e.SubjectIdentifier);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ctx.RequestAborted.IsCancellationRequested)
        {
            LogUnexpected(logger, e, call.Interface, call.Function);
            result = RspResult.Fail(FunctionStatusCodes.ExecutionError, "unexpected error in the SM-DP+ (logged)");
        }

        LogCall(logger, call.Interface, call.Function, call.Subject, Outcome(result));
        await WriteAsync(ctx, result, options).ConfigureAwait(false);
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
            RspResult.Failure f => FunctionExecutionStatus.Failed(f.Code, f.Message, f.SubjectIdentifier),
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

        string? protocol = request.Headers[RspJson.AdminProtocolHeader];
        if (string.IsNullOrEmpty(protocol))
        {
            throw new RspRequestException(FunctionStatusCodes.MandatoryElementMissing, "HTTP header X-Admin-Protocol is missing");
        }

        if (!AdminProtocol.IsMatch(protocol))
        {
            throw new RspRequestException(FunctionStatusCodes.RequestInvalid,
                $"X-Admin-Protocol must be gsma/rsp/v<major>.<minor>.<revision>, found '{protocol}'");
        }
    }

    private static string EchoedAdminProtocol(HttpRequest request, SmdpOptions options)
    {
        string? protocol = request.Headers[RspJson.AdminProtocolHeader];
        return protocol is not null && AdminProtocol.IsMatch(protocol) ? protocol : options.AdminProtocol;
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
            int n = await request.Body.ReadAsync(chunk, ct).ConfigureAwait(false);
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

    private static RspRequestException TooLarge(long maxBytes) =>
        new(FunctionStatusCodes.RequestInvalid, $"the request body is larger than {maxBytes} bytes");

    [GeneratedRegex(@"^gsma/rsp/v\d+\.\d+\.\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex AdminProtocolRegex();

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Interface} {Function} {Subject} outcome={Outcome}")]
    private static partial void LogCall(ILogger logger, string @interface, string function, string subject, string outcome);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "{Interface} {Function}: unexpected error")]
    private static partial void LogUnexpected(ILogger logger, Exception e, string @interface, string function);
}
