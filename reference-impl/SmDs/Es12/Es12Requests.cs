using Conformance.Rsp.Smds;
using Conformance.SmdpPlus.Http;

namespace Conformance.SmDs.Es12;

/// <summary>Strict parsing of the ES12 requests (SGP.22 v2.5 §5.9, §6.5.2): a malformed element is Failed x / 2.1, a missing one x / 2.2.</summary>
internal static class Es12Requests
{
    public static RegisterEventRequest ParseRegister(JsonFields f)
    {
        RequestHeader h = f.RequiredHeader();
        string eid = Eid(f);
        string address = f.RequiredString("rspServerAddress");
        if (address.Length == 0 || address.Length > 255 || address.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw f.Invalid("rspServerAddress", "must be an FQDN (1..255 characters, no spaces)");
        }
        string eventId = EventId(f);
        bool? forwarding = HasBool(f) ? f.RequiredBool("forwardingIndicator") : null;
        return new RegisterEventRequest(new Es12RequestHeader(h.FunctionRequesterIdentifier, h.FunctionCallIdentifier), eid, address, eventId, forwarding);
    }

    public static DeleteEventRequest ParseDelete(JsonFields f)
    {
        RequestHeader h = f.RequiredHeader();
        return new DeleteEventRequest(new Es12RequestHeader(h.FunctionRequesterIdentifier, h.FunctionCallIdentifier), Eid(f), EventId(f));
    }

    /// <summary>EID: 32 decimal digits (SGP.22 v2.5 §5.9: the EID of the Event Record).</summary>
    private static string Eid(JsonFields f)
    {
        string eid = f.RequiredString("eid");
        if (eid.Length != 32 || !eid.All(char.IsAsciiDigit))
        {
            throw f.Invalid("eid", "must be 32 decimal digits");
        }
        return eid;
    }

    /// <summary>EventID: a non-empty string (the MatchingID of the SM-DP+, SGP.22 v2.5 §3.6.1), at most 255 characters.</summary>
    private static string EventId(JsonFields f)
    {
        string id = f.RequiredString("eventId");
        if (id.Length == 0 || id.Length > 255)
        {
            throw f.Invalid("eventId", "must be 1..255 characters");
        }
        return id;
    }

    // forwardingIndicator is optional here: present, it must be a JSON boolean.
    private static bool HasBool(JsonFields f)
    {
        try
        {
            f.RequiredBool("forwardingIndicator");
            return true;
        }
        catch (RspRequestException e) when (e.Code.ReasonCode == Rsp.StatusCodes.ReasonCodes.MandatoryElementMissing)
        {
            return false;
        }
    }
}
