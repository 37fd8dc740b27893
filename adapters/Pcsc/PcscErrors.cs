using System.Globalization;

namespace Conformance.Adapters.Pcsc;

/// <summary>PC/SC return codes (pcsc-lite src/PCSC/pcsclite.h.in) with their names and what they mean in words.</summary>
public static class PcscErrors
{
    public const long Success = 0x00000000;
    public const long Cancelled = 0x80100002;
    public const long InvalidHandle = 0x80100003;
    public const long InvalidParameter = 0x80100004;
    public const long InsufficientBuffer = 0x80100008;
    public const long UnknownReader = 0x80100009;
    public const long Timeout = 0x8010000A;
    public const long SharingViolation = 0x8010000B;
    public const long NoSmartcard = 0x8010000C;
    public const long ProtoMismatch = 0x8010000F;
    public const long NotReady = 0x80100010;
    public const long SystemCancelled = 0x80100012;
    public const long CommError = 0x80100013;
    public const long NotTransacted = 0x80100016;
    public const long ReaderUnavailable = 0x80100017;
    public const long NoService = 0x8010001D;
    public const long ServiceStopped = 0x8010001E;
    public const long NoReadersAvailable = 0x8010002E;
    public const long UnresponsiveCard = 0x80100066;
    public const long UnpoweredCard = 0x80100067;
    public const long ResetCard = 0x80100068;
    public const long RemovedCard = 0x80100069;

    private static readonly Dictionary<long, (string Name, string Words)> Table = new()
    {
        [Success] = ("SCARD_S_SUCCESS", "success"),
        [Cancelled] = ("SCARD_E_CANCELLED", "the call was cancelled"),
        [InvalidHandle] = ("SCARD_E_INVALID_HANDLE", "invalid context or card handle"),
        [InvalidParameter] = ("SCARD_E_INVALID_PARAMETER", "invalid parameter"),
        [InsufficientBuffer] = ("SCARD_E_INSUFFICIENT_BUFFER", "the response does not fit the buffer"),
        [UnknownReader] = ("SCARD_E_UNKNOWN_READER", "no such reader"),
        [Timeout] = ("SCARD_E_TIMEOUT", "timed out"),
        [SharingViolation] = ("SCARD_E_SHARING_VIOLATION", "sharing violation: another application holds the card"),
        [NoSmartcard] = ("SCARD_E_NO_SMARTCARD", "no card in the reader"),
        [ProtoMismatch] = ("SCARD_E_PROTO_MISMATCH", "the card does not offer the requested protocol, or is in use with another one until it is reset"),
        [NotReady] = ("SCARD_E_NOT_READY", "the reader or card is not ready"),
        [SystemCancelled] = ("SCARD_E_SYSTEM_CANCELLED", "cancelled by the system"),
        [CommError] = ("SCARD_F_COMM_ERROR", "communication error with the reader"),
        [NotTransacted] = ("SCARD_E_NOT_TRANSACTED", "the exchange with the card failed (card gone or not answering)"),
        [ReaderUnavailable] = ("SCARD_E_READER_UNAVAILABLE", "the reader is unavailable"),
        [NoService] = ("SCARD_E_NO_SERVICE", "no PC/SC service: pcscd is not running or its socket is elsewhere"),
        [ServiceStopped] = ("SCARD_E_SERVICE_STOPPED", "the PC/SC service stopped"),
        [NoReadersAvailable] = ("SCARD_E_NO_READERS_AVAILABLE", "no reader connected"),
        [UnresponsiveCard] = ("SCARD_W_UNRESPONSIVE_CARD", "the card does not answer reset"),
        [UnpoweredCard] = ("SCARD_W_UNPOWERED_CARD", "the card is not powered"),
        [ResetCard] = ("SCARD_W_RESET_CARD", "the card was reset"),
        [RemovedCard] = ("SCARD_W_REMOVED_CARD", "the card was removed"),
    };

    /// <summary>"no card in the reader (SCARD_E_NO_SMARTCARD 0x8010000C)".</summary>
    public static string Describe(long code)
    {
        string hex = "0x" + code.ToString("X8", CultureInfo.InvariantCulture);
        return Table.TryGetValue(code, out var entry) ? $"{entry.Words} ({entry.Name} {hex})" : $"PC/SC error {hex}";
    }
}
