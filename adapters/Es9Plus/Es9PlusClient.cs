using Conformance.Adapters.Http;

namespace Conformance.Adapters.Es9Plus;

/// <summary>The ES9+ binding an LPA uses (SGP.22 v2.5 §6.5.2 JSON, §6.6 ASN.1).</summary>
public enum Es9Binding
{
    Json,
    Asn1,
}

/// <summary>Creates the ES9+ client of a binding over one transport.</summary>
public static class Es9PlusClient
{
    public static IEs9PlusClient Create(RspHttpTransport transport, Es9Binding binding = Es9Binding.Json, RspJsonClientOptions? options = null) =>
        binding == Es9Binding.Asn1
            ? new Es9PlusAsn1Client(transport, options)
            : new Es9PlusJsonClient(new RspJsonClient(transport, options));
}
