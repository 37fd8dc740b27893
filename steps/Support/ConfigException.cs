namespace Conformance.Steps.Support;

/// <summary>A misconfigured run: the message is one sentence naming the setting and where it came from.</summary>
public sealed class ConfigException(string message, Exception? inner = null) : Exception(message, inner);
