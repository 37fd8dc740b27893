namespace Conformance.Adapters.Bpp;

/// <summary>
/// One broken rule of a bound profile package: the rule, what was expected and found, and where (the sequence
/// <c>A0</c>..<c>A3</c> or <c>BF23</c>, and the segment's index in it when the rule is about a segment).
/// </summary>
public sealed record BppViolation(BppRule Rule, string Description, string Expected, string Actual, string? Sequence = null, int? Segment = null)
{
    /// <summary>The SGP.22 section of the rule.</summary>
    public string Section => Rule.Section();

    /// <summary>One line naming the rule, e.g. "SGP.22 §2.6.4: segment 3 of '86' is 1100 bytes, more than 1020".</summary>
    public string Message => $"SGP.22 {Section}: {Description}";

    public override string ToString() => $"{Message} [{Rule}; expected {Expected}; actual {Actual}]";
}
