using System.Globalization;

namespace Conformance.Euicc.Vpcd;

/// <summary>Where the vpcd reader driver listens and how the virtual card talks to it.</summary>
public sealed record VpcdOptions
{
    public string Host { get; init; } = "127.0.0.1";

    public int Port { get; init; } = VpcdProtocol.DefaultPort;

    /// <summary>Deadline of one TCP connect attempt.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Deadline to finish reading a started message, or to write one.</summary>
    public TimeSpan IoTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>First wait before reconnecting; doubles on each failed attempt up to <see cref="ReconnectMaxDelay"/>.</summary>
    public TimeSpan ReconnectInitialDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Test knob: after answering this many APDUs the card is pulled: the next APDU gets no answer, the vpcd
    /// connection closes and the card stays out (no reconnect) until the client is cancelled. Null: never.
    /// </summary>
    public int? UnplugAfterApdus { get; init; }

    /// <summary>Parses "HOST:PORT" (IPv6 as "[::1]:PORT"); "HOST" alone uses the default port.</summary>
    /// <exception cref="FormatException">Not a host and port.</exception>
    public static VpcdOptions Parse(string endpoint)
    {
        string host = endpoint;
        string? portText = null;
        if (endpoint.StartsWith('['))
        {
            int close = endpoint.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || (close + 1 < endpoint.Length && endpoint[close + 1] != ':'))
            {
                throw new FormatException($"'{endpoint}' is not [IPv6]:PORT");
            }
            host = endpoint[1..close];
            portText = close + 1 < endpoint.Length ? endpoint[(close + 2)..] : null;
        }
        else if (endpoint.Count(c => c == ':') == 1)
        {
            int colon = endpoint.IndexOf(':', StringComparison.Ordinal);
            host = endpoint[..colon];
            portText = endpoint[(colon + 1)..];
        }
        int port = VpcdProtocol.DefaultPort;
        if (portText is not null
            && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            throw new FormatException($"'{endpoint}' is not HOST:PORT (port 1..65535)");
        }
        if (host.Length == 0)
        {
            throw new FormatException($"'{endpoint}' has no host");
        }
        return new VpcdOptions { Host = host, Port = port };
    }
}
