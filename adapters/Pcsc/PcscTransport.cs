using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Conformance.Adapters.Apdu;

namespace Conformance.Adapters.Pcsc;

/// <summary>
/// An <see cref="IApduTransport"/> over a PC/SC reader through pcsc-lite (libpcsclite.so.1, Linux
/// 64-bit). Every call has a deadline: waiting for a card uses SCardGetStatusChange with a timeout,
/// and each native call runs under a timeout guard. A transmit that misses its deadline leaves the
/// transport unusable (the card state is unknown), which the next call reports.
/// </summary>
public sealed class PcscTransport : IApduTransport
{
    private static readonly TimeSpan ServiceCallTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan StatusPoll = TimeSpan.FromMilliseconds(500);

    private readonly PcscOptions _options;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly nint _context;
    private nint _card;
    private nuint _protocol;
    private string? _broken;

    private PcscTransport(PcscOptions options, nint context, string reader, nint card, nuint protocol, byte[] atr)
    {
        _options = options;
        _context = context;
        ReaderName = reader;
        _card = card;
        _protocol = protocol;
        Atr = atr;
    }

    /// <summary>The reader in use, as pcscd names it.</summary>
    public string ReaderName { get; }

    /// <summary>The protocol the reader and card agreed on.</summary>
    public PcscProtocols ActiveProtocol => (PcscProtocols)(int)_protocol;

    public byte[] Atr { get; private set; }

    public string Description => $"PC/SC reader '{ReaderName}'";

    /// <summary>The readers pcscd knows (empty when there are none).</summary>
    public static async Task<IReadOnlyList<string>> ListReadersAsync(PcscOptions? options, CancellationToken ct)
    {
        options ??= new PcscOptions();
        nint context = await EstablishAsync(options, ct).ConfigureAwait(false);
        try
        {
            return await Guard("SCardListReaders", null, () => ListReaders(context), ServiceCallTimeout, ct).ConfigureAwait(false);
        }
        finally
        {
            _ = PcscNative.SCardReleaseContext(context);
        }
    }

    /// <summary>Waits (bounded) for the selected reader to hold a card, then connects with T=0 and/or T=1.</summary>
    /// <exception cref="PcscException">No service, no such reader, no card within the deadline, sharing violation...</exception>
    public static async Task<PcscTransport> ConnectAsync(PcscOptions options, CancellationToken ct)
    {
        nint context = await EstablishAsync(options, ct).ConfigureAwait(false);
        try
        {
            DateTime deadline = DateTime.UtcNow + options.CardWaitTimeout;
            while (true)
            {
                string reader = await WaitForCardAsync(context, options, deadline, ct).ConfigureAwait(false);
                try
                {
                    return await OpenAsync(context, reader, options, ct).ConfigureAwait(false);
                }
                catch (PcscException e) when (e.Code is PcscErrors.RemovedCard or PcscErrors.NoSmartcard)
                {
                    // The card left between the reader's "present" and the connection: one being pulled, or pcscd's reader
                    // state not yet showing a removal. It is not there, so this is "no card", waited for like any other.
                    if (DateTime.UtcNow >= deadline)
                    {
                        List<string> readers = await Guard("SCardListReaders", null, () => ListReaders(context), ServiceCallTimeout, ct).ConfigureAwait(false);
                        throw NoCard(options, readers, options.Reader.Candidates(readers));
                    }
                    await Task.Delay(Min(StatusPoll, deadline - DateTime.UtcNow), ct).ConfigureAwait(false);
                }
            }
        }
        catch
        {
            _ = PcscNative.SCardReleaseContext(context);
            throw;
        }
    }

    /// <summary>SCardConnect to the reader's card and its ATR (SCardStatus); the card is let go again when either fails.</summary>
    private static async Task<PcscTransport> OpenAsync(nint context, string reader, PcscOptions options, CancellationToken ct)
    {
        nuint share = options.Exclusive ? PcscNative.ShareExclusive : PcscNative.ShareShared;
        var (card, protocol) = await Guard("SCardConnect", reader, () =>
        {
            PcscException.Check(PcscNative.SCardConnect(context, reader, share, (nuint)(int)options.Protocols, out nint h, out nuint p), "SCardConnect", reader);
            return (h, p);
        }, ServiceCallTimeout, ct).ConfigureAwait(false);
        try
        {
            return new PcscTransport(options, context, reader, card, protocol, ReadAtr(card, reader));
        }
        catch
        {
            _ = PcscNative.SCardDisconnect(card, PcscNative.LeaveCard);
            throw;
        }
    }

    public async Task<byte[]> TransmitAsync(byte[] apdu, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            ThrowIfBroken();
            var pci = new PcscNative.IoRequest { Protocol = _protocol, PciLength = (nuint)Marshal.SizeOf<PcscNative.IoRequest>() };
            nint card = _card;
            try
            {
                return await Guard("SCardTransmit", ReaderName, () =>
                {
                    var buffer = new byte[PcscNative.MaxBufferSize];
                    nuint length = (nuint)buffer.Length;
                    PcscException.Check(PcscNative.SCardTransmit(card, in pci, apdu, (nuint)apdu.Length, 0, buffer, ref length), "SCardTransmit", ReaderName);
                    return buffer[..(int)length];
                }, _options.TransmitTimeout, ct).ConfigureAwait(false);
            }
            catch (PcscException e) when (e.Code == PcscErrors.Timeout && e.Operation == "SCardTransmit")
            {
                _broken = e.Message;
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Resets the card (SCardReconnect with SCARD_RESET_CARD) and reads the ATR again.</summary>
    public async Task ResetAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            ThrowIfBroken();
            nuint share = _options.Exclusive ? PcscNative.ShareExclusive : PcscNative.ShareShared;
            _protocol = await Guard("SCardReconnect", ReaderName, () =>
            {
                PcscException.Check(PcscNative.SCardReconnect(_card, share, (nuint)(int)_options.Protocols, PcscNative.ResetCard, out nuint p), "SCardReconnect", ReaderName);
                return p;
            }, ServiceCallTimeout, ct).ConfigureAwait(false);
            Atr = ReadAtr(_card, ReaderName);
        }
        finally
        {
            _gate.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        if (_card != 0)
        {
            _ = PcscNative.SCardDisconnect(_card, _options.ResetOnDispose ? PcscNative.ResetCard : PcscNative.LeaveCard);
            _card = 0;
        }
        _ = PcscNative.SCardReleaseContext(_context);
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }

    private void ThrowIfBroken()
    {
        if (_broken is not null)
        {
            throw new PcscException("SCardTransmit", ReaderName, PcscErrors.NotReady, $"the transport is unusable after an earlier failure: {_broken}");
        }
    }

    private static byte[] ReadAtr(nint card, string reader)
    {
        var atr = new byte[PcscNative.MaxAtrSize];
        nuint atrLength = (nuint)atr.Length;
        nuint nameLength = 0;
        PcscException.Check(PcscNative.SCardStatus(card, null, ref nameLength, out _, out _, atr, ref atrLength), "SCardStatus", reader);
        return atr[..(int)atrLength];
    }

    private static async Task<nint> EstablishAsync(PcscOptions options, CancellationToken ct)
    {
        if (!OperatingSystem.IsLinux() || IntPtr.Size != 8)
        {
            throw new PlatformNotSupportedException("the PC/SC transport supports pcsc-lite on 64-bit Linux");
        }
        if (options.SocketPath is not null)
        {
            _ = PcscNative.SetEnv("PCSCLITE_CSOCK_NAME", options.SocketPath, 1);
        }
        try
        {
            return await Guard("SCardEstablishContext", null, () =>
            {
                PcscException.Check(PcscNative.SCardEstablishContext(PcscNative.ScopeSystem, 0, 0, out nint context), "SCardEstablishContext", null);
                return context;
            }, ServiceCallTimeout, ct).ConfigureAwait(false);
        }
        catch (DllNotFoundException e)
        {
            throw new PcscException("SCardEstablishContext", null, PcscErrors.NoService, $"libpcsclite.so.1 is not installed (apt-get install libpcsclite1): {e.Message}");
        }
    }

    private static List<string> ListReaders(nint context)
    {
        nuint length = 0;
        nint rv = PcscNative.SCardListReaders(context, 0, null, ref length);
        if ((long)rv == PcscErrors.NoReadersAvailable)
        {
            return [];
        }
        PcscException.Check(rv, "SCardListReaders", null);
        var buffer = new byte[(int)length];
        rv = PcscNative.SCardListReaders(context, 0, buffer, ref length);
        if ((long)rv == PcscErrors.NoReadersAvailable)
        {
            return [];
        }
        PcscException.Check(rv, "SCardListReaders", null);
        // A multi-string: names separated by NUL, ended by two NULs.
        return [.. Encoding.UTF8.GetString(buffer, 0, (int)length).Split('\0', StringSplitOptions.RemoveEmptyEntries)];
    }

    /// <summary>
    /// Waits (bounded) until the reader the options select holds a card. Among several readers a name matches (or any reader,
    /// when none is named) the one holding a card is chosen; a name matching several readers that hold a card fails at once.
    /// </summary>
    private static async Task<string> WaitForCardAsync(nint context, PcscOptions options, DateTime deadline, CancellationToken ct)
    {
        while (true)
        {
            List<string> readers = await Guard("SCardListReaders", null, () => ListReaders(context), ServiceCallTimeout, ct).ConfigureAwait(false);
            IReadOnlyList<string> candidates = options.Reader.Candidates(readers);
            TimeSpan wait = Min(StatusPoll, deadline - DateTime.UtcNow);
            if (candidates.Count == 1)
            {
                if (await HasCardAsync(context, candidates[0], wait, ct).ConfigureAwait(false))
                {
                    return candidates[0];
                }
            }
            else
            {
                var withCard = new List<string>();
                foreach (string r in candidates)
                {
                    if (await HasCardAsync(context, r, TimeSpan.Zero, ct).ConfigureAwait(false))
                    {
                        withCard.Add(r);
                    }
                }
                if (options.Reader.Choose(candidates, withCard) is { } chosen)
                {
                    return chosen;
                }
                await Task.Delay(wait, ct).ConfigureAwait(false);
            }
            if (DateTime.UtcNow >= deadline)
            {
                throw NoCard(options, readers, candidates);
            }
        }
    }

    /// <summary>Why no card was found in time: no (such) reader, or no card in the one reader or in any of the candidates.</summary>
    private static PcscException NoCard(PcscOptions options, List<string> readers, IReadOnlyList<string> candidates)
    {
        string after = $"after {options.CardWaitTimeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s";
        switch (candidates.Count)
        {
            case 0:
                string known = readers.Count == 0 ? "none" : string.Join(", ", readers.Select(r => $"'{r}'"));
                long code = readers.Count == 0 ? PcscErrors.NoReadersAvailable : PcscErrors.UnknownReader;
                return new PcscException(PcscReaderSelector.ReaderSelection, options.Reader.ToString(), code, $"{PcscErrors.Describe(code)}; readers: {known}");
            case 1:
                return new PcscException("SCardGetStatusChange", candidates[0], PcscErrors.NoSmartcard, $"{PcscErrors.Describe(PcscErrors.NoSmartcard)} {after}");
            default:
                string which = options.Reader.Name is { } name ? $"matching '{name}' " : "";
                return new PcscException("SCardGetStatusChange", null, PcscErrors.NoSmartcard,
                    $"{PcscErrors.Describe(PcscErrors.NoSmartcard)} in any of the readers {which}({string.Join(", ", candidates.Select(r => $"'{r}'"))}) {after}")
                {
                    Candidates = candidates,
                };
        }
    }

    /// <summary>SCardGetStatusChange with a timeout; true once the reader reports a card present (and not mute).</summary>
    private static async Task<bool> HasCardAsync(nint context, string reader, TimeSpan wait, CancellationToken ct)
    {
        nint name = Marshal.StringToCoTaskMemUTF8(reader);
        try
        {
            var states = new[] { new PcscNative.ReaderState { Reader = name, CurrentState = PcscNative.StateUnaware } };
            // First call: the current state, at once. Then wait for a change within the timeout.
            for (int round = 0; round < 2; round++)
            {
                nuint timeout = round == 0 ? 0 : (nuint)Math.Max(0, (long)wait.TotalMilliseconds);
                using CancellationTokenRegistration cancel = ct.Register(() => PcscNative.SCardCancel(context));
                nint rv = await Guard("SCardGetStatusChange", reader, () => PcscNative.SCardGetStatusChange(context, timeout, states, 1),
                    wait + ServiceCallTimeout, ct).ConfigureAwait(false);
                ct.ThrowIfCancellationRequested();
                if ((long)rv == PcscErrors.Timeout)
                {
                    return false;
                }
                PcscException.Check(rv, "SCardGetStatusChange", reader);
                nuint state = states[0].EventState;
                if ((state & PcscNative.StateUnknown) != 0)
                {
                    throw new PcscException("SCardGetStatusChange", reader, PcscErrors.UnknownReader);
                }
                if ((state & PcscNative.StatePresent) != 0 && (state & PcscNative.StateMute) == 0)
                {
                    return true;
                }
                states[0].CurrentState = state & ~PcscNative.StateChanged;
            }
            return false;
        }
        finally
        {
            Marshal.FreeCoTaskMem(name);
        }
    }

    /// <summary>Runs a blocking native call on the thread pool and gives up after <paramref name="timeout"/>.</summary>
    private static async Task<T> Guard<T>(string operation, string? reader, Func<T> call, TimeSpan timeout, CancellationToken ct)
    {
        try
        {
            return await Task.Run(call, CancellationToken.None).WaitAsync(timeout, ct).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new PcscException(operation, reader, PcscErrors.Timeout, $"no answer within {timeout.TotalSeconds:0.#} s ({PcscErrors.Describe(PcscErrors.Timeout)})");
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b)
    {
        TimeSpan m = a < b ? a : b;
        return m < TimeSpan.Zero ? TimeSpan.Zero : m;
    }
}
