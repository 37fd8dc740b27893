namespace Conformance.Reports.Tests;

/// <summary>A clock that advances by a fixed step on every read, so start/stop stamps are predictable.</summary>
internal sealed class ManualClock(DateTimeOffset start, TimeSpan step) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        var now = _now;
        _now += step;
        return now;
    }
}
