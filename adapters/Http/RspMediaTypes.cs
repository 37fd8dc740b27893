namespace Conformance.Adapters.Http;

/// <summary>Media types and header names of the RSP HTTP bindings (SGP.22 v2.5 §6.5.1, §6.6).</summary>
public static class RspMediaTypes
{
    /// <summary>The JSON binding (SGP.22 §6.5.1).</summary>
    public const string Json = "application/json";

    /// <summary>The ES9+ ASN.1 binding (SGP.22 §6.6).</summary>
    public const string Asn1 = "application/x-gsma-rsp-asn1";

    public const string AdminProtocolHeader = "X-Admin-Protocol";

    /// <summary>The User-Agent an LPA sends (SGP.22 §6.5.1).</summary>
    public const string LpaUserAgent = "gsma-rsp-lpad";

    /// <summary>The X-Admin-Protocol value sent unless configured otherwise.</summary>
    public const string DefaultAdminProtocol = "gsma/rsp/v2.2.0";
}
