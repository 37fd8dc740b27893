using Conformance.Adapters.Http;

namespace Conformance.Adapters.Es10;

/// <summary>
/// A decoded ES10 response with the bytes it was decoded from (the LPA forwards those unchanged, e.g.
/// EUICCInfo1 to InitiateAuthentication) and the exchange as recorded.
/// </summary>
public sealed record Es10Response<T>(T Value, byte[] Raw, RecordedExchange Exchange);

/// <summary>
/// The outcome of ES10b.LoadBoundProfilePackage (SGP.22 v2.5 §5.7.6): the ProfileInstallationResult the
/// eUICC returned, possibly early (before every STORE DATA sequence was sent).
/// </summary>
public sealed record LoadBoundProfilePackageResult(
    Rsp.Asn1.Messages.ProfileInstallationResult ProfileInstallationResult,
    byte[] Raw,
    int SequencesSent,
    int SequencesTotal)
{
    /// <summary>True when the eUICC answered 'BF37' before the last sequence.</summary>
    public bool StoppedEarly => SequencesSent < SequencesTotal;
}

/// <summary>Limits of the ES10 client.</summary>
public sealed record Es10ClientOptions
{
    /// <summary>Time allowed for one ES10 function (all of its APDUs).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Time allowed for a whole LoadBoundProfilePackage (every sequence).</summary>
    public TimeSpan LoadBoundProfilePackageTimeout { get; init; } = TimeSpan.FromMinutes(3);
}
