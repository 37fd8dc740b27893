using System.Globalization;
using Conformance.Adapters.Pcsc;

namespace Conformance.Steps.Support;

/// <summary>What pcscd reported when the harness reached the card: for the report's environment.</summary>
public sealed record PcscCardInfo(string Reader, byte[] Atr, PcscProtocols Protocol)
{
    public string AtrHex => Convert.ToHexString(Atr);

    public string ProtocolName => Protocol == PcscProtocols.T1 ? "T=1" : "T=0";
}

/// <summary>
/// The run's PC/SC reader: the options of every connection, and whether the card has gone. The first connection of a
/// run waits (bounded) for a card; once a card has been found missing or removed, later connections look once and fail
/// at once ("no card in reader ..."), so a run without its card ends quickly with a result for every scenario.
/// </summary>
public sealed class PcscCardSlot(PcscOptions options)
{
    /// <summary>Longest wait for a card at the first connection of a run.</summary>
    public static readonly TimeSpan FirstCardWait = TimeSpan.FromSeconds(10);

    private volatile bool _cardGone;

    public PcscOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>True after a connection found no card or an exchange lost it (until a connection succeeds again).</summary>
    public bool CardGone => _cardGone;

    /// <summary>The reader, protocols and deadlines of a run's configuration (pcscd's socket: PCSCLITE_CSOCK_NAME, read by libpcsclite).</summary>
    public static PcscOptions OptionsFor(TargetConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new PcscOptions
        {
            Reader = PcscReaderSelector.Parse(config.Euicc.Reader),
            Protocols = config.PcscProtocols,
            CardWaitTimeout = config.Timeout < FirstCardWait ? config.Timeout : FirstCardWait,
            TransmitTimeout = config.Timeout,
        };
    }

    /// <summary>Connects to the card (waiting for it only while it has not gone).</summary>
    /// <exception cref="EuiccUnavailableException">One sentence: no service, no reader, unknown reader, no card, sharing violation.</exception>
    public async Task<PcscTransport> ConnectAsync(CancellationToken ct)
    {
        PcscOptions options = _cardGone ? Options with { CardWaitTimeout = TimeSpan.Zero } : Options;
        try
        {
            PcscTransport transport = await PcscTransport.ConnectAsync(options, ct).ConfigureAwait(false);
            _cardGone = false;
            return transport;
        }
        catch (PcscException e)
        {
            _cardGone = true;
            throw new EuiccUnavailableException(await SentenceAsync(e, options, ct).ConfigureAwait(false), e);
        }
        catch (PlatformNotSupportedException e)
        {
            throw new EuiccUnavailableException($"{char.ToUpperInvariant(e.Message[0])}{e.Message[1..].TrimEnd('.')} only.");
        }
    }

    /// <summary>Connects once and reports the reader, ATR and protocol (the run's environment, check-config).</summary>
    /// <exception cref="EuiccUnavailableException">As <see cref="ConnectAsync"/>.</exception>
    public async Task<PcscCardInfo> ProbeAsync(CancellationToken ct)
    {
        await using PcscTransport transport = await ConnectAsync(ct).ConfigureAwait(false);
        return new PcscCardInfo(transport.ReaderName, transport.Atr, transport.ActiveProtocol);
    }

    /// <summary>An exchange failed and the reader holds no card any more: later connections fail at once.</summary>
    internal void MarkCardGone() => _cardGone = true;

    /// <summary>How long, after a failed exchange, pcscd gets to notice that the card left (it polls readers every 0.4 s).</summary>
    internal static readonly TimeSpan RemovalNoticeWindow = TimeSpan.FromSeconds(2);

    /// <summary>True when the reader reports no card within <see cref="RemovalNoticeWindow"/> (looks every 0.2 s).</summary>
    internal async Task<bool> IsCardMissingAsync(string reader, CancellationToken ct)
    {
        PcscOptions look = Options with { Reader = new PcscReaderSelector(reader, null), CardWaitTimeout = TimeSpan.Zero };
        DateTime until = DateTime.UtcNow + RemovalNoticeWindow;
        while (true)
        {
            try
            {
                await using PcscTransport again = await PcscTransport.ConnectAsync(look, ct).ConfigureAwait(false);
            }
            catch (PcscException e) when (e.Code is PcscErrors.NoSmartcard or PcscErrors.UnknownReader or PcscErrors.NoReadersAvailable)
            {
                return true;
            }
            catch (PcscException)
            {
                // not answering yet: look again
            }

            if (DateTime.UtcNow >= until)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), ct).ConfigureAwait(false);
        }
    }

    private static async Task<string> SentenceAsync(PcscException e, PcscOptions options, CancellationToken ct)
    {
        string code = PcscErrors.Describe(e.Code);
        return e.Code switch
        {
            PcscErrors.NoService or PcscErrors.ServiceStopped =>
                $"{char.ToUpperInvariant(code[0])}{code[1..]}; start pcscd (or set PCSCLITE_CSOCK_NAME to its socket).",
            PcscErrors.NoReadersAvailable => $"No PC/SC reader is connected for the eUICC ({code}).",
            PcscErrors.UnknownReader =>
                $"PC/SC reader {(options.Reader.Name is { } name ? $"'{name}'" : options.Reader.ToString())} is unknown ({code}); readers: {await ReadersAsync(options, ct).ConfigureAwait(false)}.",
            PcscErrors.InvalidParameter when e.Operation == PcscReaderSelector.ReaderSelection && e.Candidates.Count > 1 =>
                $"PC/SC reader '{options.Reader.Name}' is ambiguous: {PcscReaderSelector.Quoted(e.Candidates)} {(e.Candidates.Count == 2 ? "both" : "all")} hold a card; "
                + "name one of them in full (pcsc:NAME) or by its index (pcsc:INDEX).",
            PcscErrors.NoSmartcard when e.Reader is null && options.Reader.Name is { } name && e.Candidates.Count > 0 =>
                $"No card in any of the readers matching '{name}' ({PcscReaderSelector.Quoted(e.Candidates)}) after {Seconds(options.CardWaitTimeout)} s ({code}).",
            PcscErrors.NoSmartcard when e.Reader is null =>
                $"No card in any reader ({await ReadersAsync(options, ct).ConfigureAwait(false)}) after {Seconds(options.CardWaitTimeout)} s ({code}).",
            PcscErrors.NoSmartcard => $"No card in reader '{e.Reader}' after {Seconds(options.CardWaitTimeout)} s ({code}).",
            PcscErrors.SharingViolation => $"The card in reader '{e.Reader}' is held by another application ({code}).",
            _ => e.Message.TrimEnd('.') + ".",
        };
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);

    private static async Task<string> ReadersAsync(PcscOptions options, CancellationToken ct)
    {
        try
        {
            IReadOnlyList<string> readers = await PcscTransport.ListReadersAsync(options, ct).ConfigureAwait(false);
            return readers.Count == 0 ? "none" : string.Join(", ", readers.Select(r => $"'{r}'"));
        }
        catch (PcscException e)
        {
            return $"unknown ({e.Message})";
        }
    }
}
