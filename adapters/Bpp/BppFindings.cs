namespace Conformance.Adapters.Bpp;

/// <summary>Collects the violations and the log of checks of one verification.</summary>
internal sealed class BppFindings
{
    private readonly List<BppViolation> _violations = [];
    private readonly List<string> _checks = [];

    public void Pass(string check) => _checks.Add($"ok   {check}");

    public void Skip(string check) => _checks.Add($"skip {check}");

    public void Fail(BppViolation violation)
    {
        _violations.Add(violation);
        _checks.Add($"FAIL {violation.Message}");
    }

    public bool Has(BppRule rule) => _violations.Any(v => v.Rule == rule);

    public BppVerificationReport ToReport() => new(_violations.ToArray(), _checks.ToArray());
}
