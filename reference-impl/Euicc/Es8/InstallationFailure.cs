using Conformance.Rsp.StatusCodes;

namespace Conformance.Euicc.Es8;

/// <summary>
/// An ES8+ command of the bound profile package failed (SGP.22 v2.5 §5.5): the installation ends with a
/// ProfileInstallationResult errorResult carrying <see cref="BppCommandId"/> and <see cref="ErrorReason"/>.
/// </summary>
internal sealed class InstallationFailure(BppCommandId command, ErrorReason reason, string detail)
    : Exception($"{command} failed: {reason} ({detail})")
{
    public BppCommandId BppCommandId { get; } = command;

    public ErrorReason ErrorReason { get; } = reason;
}
