using Conformance.Adapters.Apdu;
using Conformance.Adapters.Es10;
using Conformance.Adapters.Http;
using Conformance.Euicc.Apdu;

namespace Conformance.Adapters.Tests.Es10;

/// <summary>
/// An ES10 client wired to an <see cref="IEs10Handler"/> behind the real ISD-R APDU front end, in process.
/// The one place that builds the card: swap the handler here to run these tests against the emulated eUICC.
/// </summary>
internal sealed class Es10Card : IAsyncDisposable
{
    private Es10Card(InProcessApduTransport transport, Es10Client client, ExchangeRecorder recorder)
    {
        Transport = transport;
        Client = client;
        Recorder = recorder;
    }

    public InProcessApduTransport Transport { get; }

    public Es10Client Client { get; }

    public ExchangeRecorder Recorder { get; }

    public static async Task<Es10Card> OpenAsync(IEs10Handler handler, Es10ClientOptions? options = null)
    {
        var transport = new InProcessApduTransport(new IsdrFrontEnd(handler));
        var recorder = new ExchangeRecorder();
        Es10Client client = await Es10Client.OpenAsync(transport, recorder, options: options);
        return new Es10Card(transport, client, recorder);
    }

    public async ValueTask DisposeAsync()
    {
        await Client.Session.DisposeAsync();
        await Transport.DisposeAsync();
    }
}
