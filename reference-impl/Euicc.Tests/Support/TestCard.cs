using Conformance.Adapters.Apdu;
using Conformance.Adapters.Isdr;
using Conformance.Euicc.Apdu;
using Conformance.Euicc.Card;
using Conformance.Euicc.Es10;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;

namespace Conformance.Euicc.Tests.Support;

/// <summary>
/// The emulated eUICC as an LPA sees it: <see cref="Es10Handler"/> behind <see cref="IsdrFrontEnd"/>, reached
/// only through APDUs (<see cref="InProcessApduTransport"/> and <see cref="IsdrSession"/> of the adapters).
/// </summary>
public sealed class TestCard : IAsyncDisposable
{
    private static readonly Lazy<TestPki> SharedPki = new(() => TestPkiGenerator.Generate());
    private static readonly Lazy<EuiccIdentity> SharedIdentity = new(() => EuiccIdentity.FromPki(SharedPki.Value));

    private TestCard(Es10Handler handler, IsdrFrontEnd card, InProcessApduTransport transport, IsdrSession session)
    {
        Handler = handler;
        Card = card;
        Transport = transport;
        Session = session;
    }

    /// <summary>The generated test PKI (both curves, negative variants), made once per test run.</summary>
    public static TestPki Pki => SharedPki.Value;

    public static EuiccIdentity Identity => SharedIdentity.Value;

    public static CurvePki Nist => Pki.For(RspCurve.NistP256);

    public Es10Handler Handler { get; }

    public IsdrFrontEnd Card { get; }

    public InProcessApduTransport Transport { get; }

    public IsdrSession Session { get; private set; }

    public static async Task<TestCard> OpenAsync(EuiccOptions? options = null, string? stateDirectory = null, EuiccIdentity? identity = null)
    {
        var handler = new Es10Handler(identity ?? Identity, options, stateDirectory);
        var card = new IsdrFrontEnd(handler);
        var transport = new InProcessApduTransport(card);
        IsdrSession session = await IsdrSession.OpenAsync(transport);
        return new TestCard(handler, card, transport, session);
    }

    /// <summary>Sends one ES10 command (or one STORE DATA sequence of a BPP) and returns the response DER.</summary>
    public Task<byte[]> Es10(byte[] command) => Session.TransmitEs10Async(command, CancellationToken.None);

    /// <summary>Sends a command that must be refused with a status word; returns it.</summary>
    public async Task<StatusWord> Es10Status(byte[] command)
    {
        try
        {
            byte[] r = await Es10(command);
            Assert.Fail($"expected a status word, got data {Convert.ToHexString(r)}");
            return default;
        }
        catch (ApduStatusException e)
        {
            return e.StatusWord;
        }
    }

    /// <summary>Resets the card (session state lost) and opens a new ISD-R session.</summary>
    public async Task ResetAsync()
    {
        await Transport.ResetAsync(CancellationToken.None);
        Session = await IsdrSession.OpenAsync(Transport);
    }

    public async ValueTask DisposeAsync()
    {
        await Session.DisposeAsync();
        await Transport.DisposeAsync();
        Handler.Dispose();
    }
}
