using Conformance.Adapters.Apdu;
using Conformance.Euicc.Apdu;

namespace Conformance.Adapters.Isdr;

/// <summary>
/// One command with its response chaining (ISO/IEC 7816-4 §5.3.4, ETSI TS 102 221 §7.3.1.1.5):
/// '61xx' -> GET RESPONSE with Le = xx until '9000'; '6Cxx' -> the same command again with Le = xx.
/// </summary>
internal static class ChainedExchange
{
    internal readonly record struct Exchange(byte[] Command, byte[] Response);

    public static async Task<(byte[] Data, StatusWord Sw, Exchange Last)> RunAsync(
        IApduTransport transport, int channel, byte[] apdu, int maxLength, CancellationToken ct)
    {
        var data = new List<byte>();
        byte[] command = apdu;
        bool reissued = false;
        while (true)
        {
            byte[] response = await transport.TransmitAsync(command, ct).ConfigureAwait(false);
            if (response.Length < 2)
            {
                throw new ApduProtocolException(
                    $"{transport.Description} answered {Convert.ToHexString(command)} with {response.Length} bytes, not a status word");
            }
            var sw = new StatusWord(response[^2], response[^1]);
            if (sw.Sw1 == 0x6C && !reissued)
            {
                command = WithLe(command, sw.Sw2);
                reissued = true; // once: a card that keeps answering 6Cxx is reported, not looped on
                continue;
            }
            data.AddRange(response.AsSpan(0, response.Length - 2).ToArray());
            if (data.Count > maxLength)
            {
                throw new ApduProtocolException($"{transport.Description}: response longer than {maxLength} bytes");
            }
            if (sw.Sw1 != 0x61)
            {
                return ([.. data], sw, new Exchange(command, response));
            }
            command = [ClassByte.Iso(channel), 0xC0, 0x00, 0x00, sw.Sw2];
            reissued = false;
        }
    }

    /// <summary>The same short APDU with its Le replaced (or appended when absent).</summary>
    internal static byte[] WithLe(byte[] apdu, byte le)
    {
        bool hasLe = apdu.Length == 5 || (apdu.Length > 5 && apdu.Length == 6 + apdu[4]);
        byte[] body = hasLe ? apdu[..^1] : apdu;
        return [.. body, le];
    }
}
