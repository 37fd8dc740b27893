namespace Conformance.Adapters.Es11;

// The inputs and outputs of the two ES11 functions (SGP.22 v2.5 §5.8.1, §5.8.2) as the LPA sends and reads them. The
// values the eUICC produced are kept as the DER it sent (tag included), so they reach the SM-DS unchanged and a test
// can replace any of them with tampered bytes.

/// <summary>ES11.InitiateAuthentication input (SGP.22 §5.8.1): as ES9+'s, with the SM-DS address.</summary>
/// <param name="EuiccChallenge">Octet16 from ES10b.GetEUICCChallenge (the value, 16 bytes).</param>
/// <param name="EuiccInfo1">DER of EUICCInfo1 ('BF20') from ES10b.GetEUICCInfo.</param>
/// <param name="SmdsAddress">The SM-DS address the LPA reaches (the root SM-DS address of the eUICC, or an alternative one).</param>
public sealed record Es11InitiateAuthenticationRequest(byte[] EuiccChallenge, byte[] EuiccInfo1, string SmdsAddress);

/// <summary>ES11.AuthenticateClient input (SGP.22 §5.8.2).</summary>
/// <param name="TransactionId">The transactionId the SM-DS gave in InitiateAuthentication.</param>
/// <param name="AuthenticateServerResponse">DER of AuthenticateServerResponse ('BF38') from ES10b.AuthenticateServer.</param>
public sealed record Es11AuthenticateClientRequest(byte[] TransactionId, byte[] AuthenticateServerResponse);

/// <summary>One event record the SM-DS holds for the eUICC (SGP.22 §5.8.2, EventEntries): the EventID and the SM-DP+ (or SM-DS) address.</summary>
public sealed record Es11EventEntry(string EventId, string RspServerAddress)
{
    public override string ToString() => $"{EventId} at {RspServerAddress}";
}

/// <summary>ES11.AuthenticateClient output (SGP.22 §5.8.2): the session's transactionId and the event records of the eUICC's EID (possibly none).</summary>
public sealed record Es11EventList(byte[] TransactionId, IReadOnlyList<Es11EventEntry> EventEntries);
