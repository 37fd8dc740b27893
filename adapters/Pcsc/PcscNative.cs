using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Conformance.Adapters.Pcsc;

/// <summary>
/// Every native declaration of the PC/SC transport: pcsc-lite's libpcsclite.so.1 (and libc's setenv,
/// to point libpcsclite at a private pcscd socket). On Linux x86-64, pcsc-lite's DWORD and LONG are
/// C <c>unsigned long</c> / <c>long</c>: 64 bits, hence <see cref="nuint"/> / <see cref="nint"/> here,
/// and SCARD_IO_REQUEST is { unsigned long dwProtocol; unsigned long cbPciLength; }
/// (pcsc-lite src/PCSC/pcsclite.h.in).
/// </summary>
internal static partial class PcscNative
{
    private const string Library = "libpcsclite.so.1";

    public const nuint ScopeSystem = 2;          // SCARD_SCOPE_SYSTEM
    public const nuint ShareExclusive = 1;       // SCARD_SHARE_EXCLUSIVE
    public const nuint ShareShared = 2;          // SCARD_SHARE_SHARED
    public const nuint ProtocolT0 = 1;           // SCARD_PROTOCOL_T0
    public const nuint ProtocolT1 = 2;           // SCARD_PROTOCOL_T1
    public const nuint LeaveCard = 0;            // SCARD_LEAVE_CARD
    public const nuint ResetCard = 1;            // SCARD_RESET_CARD
    public const nuint StateUnaware = 0;         // SCARD_STATE_UNAWARE
    public const nuint StateChanged = 0x0002;    // SCARD_STATE_CHANGED
    public const nuint StateUnknown = 0x0004;    // SCARD_STATE_UNKNOWN
    public const nuint StatePresent = 0x0020;    // SCARD_STATE_PRESENT
    public const nuint StateMute = 0x0200;       // SCARD_STATE_MUTE
    public const int MaxAtrSize = 33;            // MAX_ATR_SIZE
    public const int MaxBufferSize = 264;        // MAX_BUFFER_SIZE (short APDUs)

    /// <summary>SCARD_READERSTATE of pcsc-lite (80 bytes on x86-64: 5 x 8, 33, padding).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct ReaderState
    {
        public nint Reader;          // const char *szReader
        public nint UserData;        // void *pvUserData
        public nuint CurrentState;   // DWORD dwCurrentState
        public nuint EventState;     // DWORD dwEventState
        public nuint AtrLength;      // DWORD cbAtr
        public AtrBuffer Atr;        // unsigned char rgbAtr[MAX_ATR_SIZE]
    }

    [InlineArray(MaxAtrSize)]
    public struct AtrBuffer
    {
        private byte _element0;
    }

    /// <summary>SCARD_IO_REQUEST.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct IoRequest
    {
        public nuint Protocol;       // dwProtocol
        public nuint PciLength;      // cbPciLength
    }

    [LibraryImport(Library, EntryPoint = "SCardEstablishContext")]
    public static partial nint SCardEstablishContext(nuint scope, nint reserved1, nint reserved2, out nint context);

    [LibraryImport(Library, EntryPoint = "SCardReleaseContext")]
    public static partial nint SCardReleaseContext(nint context);

    [LibraryImport(Library, EntryPoint = "SCardListReaders")]
    public static partial nint SCardListReaders(nint context, nint groups, byte[]? readers, ref nuint readersLength);

    [LibraryImport(Library, EntryPoint = "SCardGetStatusChange")]
    public static partial nint SCardGetStatusChange(nint context, nuint timeoutMs, [In, Out] ReaderState[] states, nuint count);

    [LibraryImport(Library, EntryPoint = "SCardCancel")]
    public static partial nint SCardCancel(nint context);

    [LibraryImport(Library, EntryPoint = "SCardConnect", StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint SCardConnect(nint context, string reader, nuint shareMode, nuint preferredProtocols, out nint card, out nuint activeProtocol);

    [LibraryImport(Library, EntryPoint = "SCardReconnect")]
    public static partial nint SCardReconnect(nint card, nuint shareMode, nuint preferredProtocols, nuint initialization, out nuint activeProtocol);

    [LibraryImport(Library, EntryPoint = "SCardDisconnect")]
    public static partial nint SCardDisconnect(nint card, nuint disposition);

    [LibraryImport(Library, EntryPoint = "SCardTransmit")]
    public static partial nint SCardTransmit(nint card, in IoRequest sendPci, byte[] sendBuffer, nuint sendLength, nint recvPci, byte[] recvBuffer, ref nuint recvLength);

    [LibraryImport(Library, EntryPoint = "SCardStatus")]
    public static partial nint SCardStatus(nint card, byte[]? readerName, ref nuint readerNameLength, out nuint state, out nuint protocol, byte[] atr, ref nuint atrLength);

    /// <summary>libc setenv: libpcsclite reads PCSCLITE_CSOCK_NAME with getenv, which .NET's Environment does not change.</summary>
    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int SetEnv(string name, string value, int overwrite);
}
