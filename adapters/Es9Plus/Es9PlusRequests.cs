namespace Conformance.Adapters.Es9Plus;

// The inputs of the five ES9+ functions (SGP.22 v2.5 §5.6.1–§5.6.5) as the LPA forwards them: the values the
// eUICC produced are kept as the DER bytes it sent (tag included), so they reach the SM-DP+ unchanged, and a
// test can replace any of them with tampered bytes.

/// <summary>ES9+.InitiateAuthentication input (SGP.22 §5.6.1, JSON §6.5.2.6).</summary>
/// <param name="EuiccChallenge">Octet16 from ES10b.GetEUICCChallenge (the value, 16 bytes).</param>
/// <param name="EuiccInfo1">DER of EUICCInfo1 ('BF20') from ES10b.GetEUICCInfo.</param>
/// <param name="SmdpAddress">The SM-DP+ address as the LPA got it (activation code or default address).</param>
public sealed record Es9InitiateAuthenticationRequest(byte[] EuiccChallenge, byte[] EuiccInfo1, string SmdpAddress);

/// <summary>ES9+.AuthenticateClient input (SGP.22 §5.6.3, JSON §6.5.2.8).</summary>
/// <param name="TransactionId">The transactionId of the RSP session.</param>
/// <param name="AuthenticateServerResponse">DER of AuthenticateServerResponse ('BF38') from ES10b.AuthenticateServer.</param>
public sealed record Es9AuthenticateClientRequest(byte[] TransactionId, byte[] AuthenticateServerResponse);

/// <summary>ES9+.GetBoundProfilePackage input (SGP.22 §5.6.2, JSON §6.5.2.7).</summary>
/// <param name="TransactionId">The transactionId of the RSP session.</param>
/// <param name="PrepareDownloadResponse">DER of PrepareDownloadResponse ('BF21') from ES10b.PrepareDownload.</param>
public sealed record Es9GetBoundProfilePackageRequest(byte[] TransactionId, byte[] PrepareDownloadResponse);

/// <summary>ES9+.HandleNotification input (SGP.22 §5.6.4, JSON §6.5.2.9).</summary>
/// <param name="PendingNotification">DER of a PendingNotification: ProfileInstallationResult ('BF37') or OtherSignedNotification ('30').</param>
public sealed record Es9HandleNotificationRequest(byte[] PendingNotification);

/// <summary>ES9+.CancelSession input (SGP.22 §5.6.5, JSON §6.5.2.10).</summary>
/// <param name="TransactionId">The transactionId of the RSP session.</param>
/// <param name="CancelSessionResponse">DER of CancelSessionResponse ('BF41') from ES10b.CancelSession.</param>
public sealed record Es9CancelSessionRequest(byte[] TransactionId, byte[] CancelSessionResponse);
