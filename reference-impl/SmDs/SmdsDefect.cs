namespace Conformance.SmDs;

/// <summary>
/// Deliberate spec violations of the reference SM-DS, so the harness can prove its SM-DS scenarios catch them
/// (<c>./conformance smds serve --defect NAME</c>, <see cref="SmdsOptions.Defects"/>). Each names the SGP.22 rule it breaks.
/// </summary>
public enum SmdsDefect
{
    /// <summary>ES11.AuthenticateClient answers the Event Records of every EID, not only those of the authenticated eUICC (SGP.22 v2.5 §5.8.2, §3.6.2).</summary>
    EventForOtherEid,

    /// <summary>ES12.DeleteEvent answers Executed-Success but keeps the Event Record (SGP.22 v2.5 §5.9.2).</summary>
    EventNotDeleted,

    /// <summary>ES11.InitiateAuthentication's serverSignature1 covers serverSigned1 with another euiccChallenge, not the serverSigned1 it sends (SGP.22 v2.5 §5.8.1).</summary>
    SignatureOverWrongData,

    /// <summary>ES12.DeleteEvent of an unknown EventID answers 8.9.5 / 3.3 instead of 8.9.5 / 3.9 (SGP.22 v2.5 §5.9.2).</summary>
    WrongStatusCodeForUnknownEvent,

    /// <summary>ES12.RegisterEvent of an Event Record that exists answers Executed-Success (and keeps one record) instead of 8.9.5 / 3.3 (SGP.22 v2.5 §5.9.1).</summary>
    DuplicateEventAccepted,

    /// <summary>ES12 accepts a caller without a valid SM-DP+ TLS client certificate (SGP.22 v2.5 §2.6.6, §5.9: ES12 is mutually authenticated).</summary>
    AcceptUnauthenticatedSmdp,
}
