@smdp @es9plus @sgp22-v2 @asn1
Feature: ES9+ over the ASN.1 binding
  SGP.22 v2.5 §6.6: the alternative binding of ES9+. The LPA POSTs the DER of a RemoteProfileProvisioningRequest
  to /gsma/rsp2/asn1 with Content-Type application/x-gsma-rsp-asn1 and X-Admin-Protocol; the SM-DP+ answers HTTP 200
  with the DER of a RemoteProfileProvisioningResponse of the same Content-Type (HandleNotification: 204, no body).
  Each function answers its own alternative: the Ok one when it executed, else its error INTEGER (RSPDefinitions,
  "Definition for ES9+ ASN.1 Binding"), which takes the place of the JSON binding's functionExecutionStatus. The
  sequences are those of SGP.23 §4.3.12 to §4.3.16 (JSON features beside this one), each function's nominal case and
  its main errors, with the error value SGP.22 gives the failure. The harness plays the LPA (over this binding, the
  tag @asn1) and the eUICC (the emulated eUICC with the run's PKI of the scenario's curve).

  Applicability: the ASN.1 binding is an alternative to the JSON one, and SM-DP+ deployments serve JSON; these
  scenarios run against an SM-DP+ under test only when its target declares the binding (asn1Binding setting,
  --asn1-binding true), and are skipped with that reason otherwise. The bundled reference serves both bindings.

  Decisions: a body that is no RemoteProfileProvisioningRequest has no function and no response alternative to
  answer it, so we expect an HTTP client error status (4xx); SGP.22 gives no error INTEGER for it. Expired download
  orders (downloadOrderExpired) and the codes SGP.22 gives undefinedError(127) are left to the JSON features.

  Rule: InitiateAuthentication answers initiateAuthenticationResponse (SGP.22 §5.6.1, §6.6)

    Scenario Outline: #01 InitiateAuthentication: nominal
      Given the LPA has an activation code of the SM-DP+
      When the LPA calls InitiateAuthentication
      Then the SM-DP+ answers initiateAuthenticationOk
      And serverSigned1 carries the transactionId, the euiccChallenge and the SM-DP+ address
      And serverSignature1 verifies with a CERT.DPauth.ECDSA of a CI the eUICC trusts
      And euiccCiPKIdToBeUsed is one the eUICC offered for signing

      @nist @TC_SM-DP+_ES9+.InitiateAuthenticationNIST
      Examples: NIST P-256
        | curve |
        | NIST |

      @brp @TC_SM-DP+_ES9+.InitiateAuthenticationBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP |

    @negative
    Scenario Outline: #03 InitiateAuthentication: invalid SM-DP+ address
      Given the LPA has an activation code of the SM-DP+
      When the LPA calls InitiateAuthentication with an SM-DP+ address that is not the SM-DP+'s
      Then the SM-DP+ answers initiateAuthenticationError invalidDpAddress(1)

      @nist @TC_SM-DP+_ES9+.InitiateAuthenticationNIST
      Examples: NIST P-256
        | curve |
        | NIST |

      @brp @TC_SM-DP+_ES9+.InitiateAuthenticationBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP |

    @negative
    Scenario Outline: #04 InitiateAuthentication: no CI public key identifier the SM-DP+ supports
      Given the LPA has an activation code of the SM-DP+
      When the LPA calls InitiateAuthentication with EUICCInfo1 offering only CI PKIds unknown to the SM-DP+
      Then the SM-DP+ answers initiateAuthenticationError ciPKIdNotSupported(3)

      @nist @TC_SM-DP+_ES9+.InitiateAuthenticationNIST
      Examples: NIST P-256
        | curve |
        | NIST |

      @brp @TC_SM-DP+_ES9+.InitiateAuthenticationBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP |

    @negative
    Scenario Outline: #05 InitiateAuthentication: unsupported specification version <version>
      Given the LPA has an activation code of the SM-DP+
      When the LPA calls InitiateAuthentication with EUICCInfo1 declaring version <version>
      Then the SM-DP+ answers initiateAuthenticationError euiccVersionNotSupportedByDp(2)

      @nist @TC_SM-DP+_ES9+.InitiateAuthenticationNIST
      Examples: NIST P-256
        | curve | version |
        | NIST | 1.0.0 |
        | NIST | 255.255.255 |

      @brp @TC_SM-DP+_ES9+.InitiateAuthenticationBRP
      Examples: brainpoolP256r1
        | curve | version |
        | BRP | 1.0.0 |
        | BRP | 255.255.255 |

  Rule: AuthenticateClient answers authenticateClientResponseEs9 (SGP.22 §5.6.3, §6.6)

    Scenario Outline: AuthenticateClient: nominal with <order>
      Given a profile released for the eUICC with <order>
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient
      Then the SM-DP+ answers authenticateClientOk
      And smdpSigned2 carries the session's transactionId and smdpSignature2 verifies with a CERT.DPpb.ECDSA of a CI the eUICC trusts
      And smdpSigned2 says a confirmation code is <required>
      And profileMetadata describes the ordered profile

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve | order | required |
        | NIST | a MatchingID | not required |
        | NIST | a MatchingID and a confirmation code | required |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve | order | required |
        | BRP | a MatchingID | not required |
        | BRP | a MatchingID and a confirmation code | required |

    @negative
    Scenario Outline: AuthenticateClient: error: invalid EUM certificate
      Given a profile released for the eUICC with a MatchingID
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient with the EUM certificate's signature broken
      Then the SM-DP+ answers authenticateClientError eumCertificateInvalid(1)

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP |

    @negative
    Scenario Outline: AuthenticateClient: error: expired EUM certificate
      Given the eUICC presents an expired EUM certificate
      And a profile released for the eUICC with a MatchingID
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient
      Then the SM-DP+ answers authenticateClientError eumCertificateExpired(2)

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP |

    @negative
    Scenario Outline: AuthenticateClient: error: invalid eUICC certificate
      Given the eUICC presents an eUICC certificate signed by another EUM
      And a profile released for the eUICC with a MatchingID
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient
      Then the SM-DP+ answers authenticateClientError euiccCertificateInvalid(3)

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP |

    @negative
    Scenario Outline: AuthenticateClient: error: expired eUICC certificate
      Given the eUICC presents an expired eUICC certificate
      And a profile released for the eUICC with a MatchingID
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient
      Then the SM-DP+ answers authenticateClientError euiccCertificateExpired(4)

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP |

    @negative
    Scenario Outline: AuthenticateClient: error: invalid eUICC signature
      Given the eUICC presents an euiccSignature1 that does not verify
      And a profile released for the eUICC with a MatchingID
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient
      Then the SM-DP+ answers authenticateClientError euiccSignatureInvalid(5)

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP |

    @negative
    Scenario Outline: AuthenticateClient: error: invalid MatchingID
      Given the LPA has an activation code of the SM-DP+
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient
      Then the SM-DP+ answers authenticateClientError matchingIdRefused(6)

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP |

    @negative
    Scenario Outline: AuthenticateClient: error: EID mismatch
      Given a profile released for another eUICC with a MatchingID
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient
      Then the SM-DP+ answers authenticateClientError eidMismatch(7)

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP |

    @negative @reference-only
    Scenario Outline: AuthenticateClient: error: no eligible profile
      Given the LPA has the MatchingID of a profile pool with no profile left
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient
      Then the SM-DP+ answers authenticateClientError noEligibleProfile(8)

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP |

    @negative
    Scenario Outline: AuthenticateClient: error: unknown CI public key
      Given the eUICC presents certificates under a CI unknown to the SM-DP+
      And a profile released for the eUICC with a MatchingID
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient
      Then the SM-DP+ answers authenticateClientError ciPKUnknown(9)

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP |

    @negative
    Scenario Outline: AuthenticateClient: error: unknown transactionId
      Given a profile released for the eUICC with a MatchingID
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient with a transactionId unknown to the SM-DP+
      Then the SM-DP+ answers authenticateClientError invalidTransactionId(10)

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP |

  Rule: GetBoundProfilePackage answers getBoundProfilePackageResponse (SGP.22 §5.6.2, §6.6)

    Scenario Outline: GetBoundProfilePackage: nominal with S-ENC/S-MAC, <order>
      Given a profile released for the eUICC with <order>
      And the download has gone through PrepareDownload
      When the LPA calls GetBoundProfilePackage
      Then the SM-DP+ answers getBoundProfilePackageOk
      And the bound profile package satisfies every rule of SGP.22 §2.5.4, §2.6.4 and §5.5
      And the eUICC installs the bound profile package

      @nist @TC_SM-DP+_ES9+.GetBoundProfilePackageNIST
      Examples: NIST P-256
        | curve | order |
        | NIST | a MatchingID |
        | NIST | a MatchingID and a confirmation code |

      @brp @TC_SM-DP+_ES9+.GetBoundProfilePackageBRP
      Examples: brainpoolP256r1
        | curve | order |
        | BRP | a MatchingID |
        | BRP | a MatchingID and a confirmation code |

    @negative
    Scenario Outline: GetBoundProfilePackage: error: invalid eUICC signature
      Given the eUICC signs euiccSigned2 with a wrong signature
      And a profile released for the eUICC with a MatchingID
      And the download has gone through PrepareDownload
      When the LPA calls GetBoundProfilePackage
      Then the SM-DP+ answers getBoundProfilePackageError euiccSignatureInvalid(1)

      @nist @TC_SM-DP+_ES9+.GetBoundProfilePackageNIST
      Examples: NIST P-256
        | curve |
        | NIST |

      @brp @TC_SM-DP+_ES9+.GetBoundProfilePackageBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP |

    @negative
    Scenario Outline: GetBoundProfilePackage: error: confirmation code missing
      Given a profile released for the eUICC with a MatchingID and a confirmation code
      And the download has gone through PrepareDownload
      When the LPA calls GetBoundProfilePackage with euiccSigned2 signed by the eUICC without hashCc
      Then the SM-DP+ answers getBoundProfilePackageError confirmationCodeMissing(2)

      @nist @TC_SM-DP+_ES9+.GetBoundProfilePackageNIST
      Examples: NIST P-256
        | curve |
        | NIST |

      @brp @TC_SM-DP+_ES9+.GetBoundProfilePackageBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP |

    @negative
    Scenario Outline: GetBoundProfilePackage: error: confirmation code refused
      Given a profile released for the eUICC with a MatchingID and a confirmation code
      And the end user enters a wrong confirmation code
      And the download has gone through PrepareDownload
      When the LPA calls GetBoundProfilePackage
      Then the SM-DP+ answers getBoundProfilePackageError confirmationCodeRefused(3)

      @nist @TC_SM-DP+_ES9+.GetBoundProfilePackageNIST
      Examples: NIST P-256
        | curve |
        | NIST |

      @brp @TC_SM-DP+_ES9+.GetBoundProfilePackageBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP |

    @negative
    Scenario Outline: GetBoundProfilePackage: error: confirmation code retries exceeded
      Given a profile released for the eUICC with a MatchingID and a confirmation code
      And the end user enters a wrong confirmation code
      And the download has gone through PrepareDownload
      When the LPA calls GetBoundProfilePackage again while the SM-DP+ answers getBoundProfilePackageError confirmationCodeRefused(3), at most 10 times
      Then the SM-DP+ answers getBoundProfilePackageError confirmationCodeRetriesExceeded(4)

      @nist @TC_SM-DP+_ES9+.GetBoundProfilePackageNIST
      Examples: NIST P-256
        | curve |
        | NIST |

      @brp @TC_SM-DP+_ES9+.GetBoundProfilePackageBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP |

    @negative
    Scenario Outline: GetBoundProfilePackage: error: unknown transactionId in the request
      Given a profile released for the eUICC with a MatchingID
      And the download has gone through PrepareDownload
      When the LPA calls GetBoundProfilePackage with an unknown transactionId in the request
      Then the SM-DP+ answers getBoundProfilePackageError invalidTransactionId(95)

      @nist @TC_SM-DP+_ES9+.GetBoundProfilePackageNIST
      Examples: NIST P-256
        | curve |
        | NIST |

      @brp @TC_SM-DP+_ES9+.GetBoundProfilePackageBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP |

    @negative
    Scenario Outline: GetBoundProfilePackage: error: unknown transactionId inside the signed data
      Given a profile released for the eUICC with a MatchingID
      And the download has gone through PrepareDownload
      When the LPA calls GetBoundProfilePackage with euiccSigned2 signed by the eUICC over an unknown transactionId
      Then the SM-DP+ answers getBoundProfilePackageError invalidTransactionId(95)

      @nist @TC_SM-DP+_ES9+.GetBoundProfilePackageNIST
      Examples: NIST P-256
        | curve |
        | NIST |

      @brp @TC_SM-DP+_ES9+.GetBoundProfilePackageBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP |

  Rule: HandleNotification is answered with HTTP 204 and no body (SGP.22 §5.6.4, §6.6)

    Scenario Outline: HandleNotification: ProfileInstallationResult success
      Given a profile released for the eUICC with a MatchingID
      And the profile was downloaded and installed on the eUICC
      When the LPA sends the ProfileInstallationResult to the SM-DP+
      Then the SM-DP+ answers HandleNotification with HTTP 204 and no body

      @nist @TC_SM-DP+_ES9+_HandleNotificationNIST
      Examples: NIST P-256
        | curve |
        | NIST |

      @brp @TC_SM-DP+_ES9+_HandleNotificationBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP |

    Scenario Outline: HandleNotification: the eUICC's pending notifications
      Given a profile released for the eUICC with a MatchingID
      And the profile was downloaded and installed on the eUICC
      When the LPA sends the eUICC's pending notifications to the SM-DP+
      Then the SM-DP+ answers every HandleNotification with HTTP 204 and no body
      And the eUICC had a pending install notification for the SM-DP+
      And the eUICC has no pending notification for the SM-DP+ left

      @nist @TC_SM-DP+_ES9+_HandleNotificationNIST
      Examples: NIST P-256
        | curve |
        | NIST |

      @brp @TC_SM-DP+_ES9+_HandleNotificationBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP |

    Scenario Outline: HandleNotification: ProfileInstallationResult with an unknown transactionId
      Given a profile released for the eUICC with a MatchingID
      And the profile was downloaded and installed on the eUICC
      When the LPA sends a ProfileInstallationResult signed by the eUICC for an unknown transactionId
      Then the SM-DP+ answers HandleNotification with HTTP 204 and no body

      @nist @TC_SM-DP+_ES9+_HandleNotificationNIST
      Examples: NIST P-256
        | curve |
        | NIST |

      @brp @TC_SM-DP+_ES9+_HandleNotificationBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP |

  Rule: CancelSession answers cancelSessionResponseEs9 (SGP.22 §5.6.5, §6.6)

    Scenario Outline: CancelSession: after AuthenticateClient, reason endUserRejection
      Given a profile released for the eUICC with a MatchingID
      And the download has gone through AuthenticateClient
      When the LPA cancels the session with reason endUserRejection
      Then the SM-DP+ answers cancelSessionOk

      @nist @TC_SM-DP+_ES9+.CancelSessionNIST
      Examples: NIST P-256
        | curve |
        | NIST |

      @brp @TC_SM-DP+_ES9+.CancelSessionBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP |

    Scenario Outline: CancelSession: after GetBoundProfilePackage, reason loadBppExecutionError
      Given a profile released for the eUICC with a MatchingID
      And the download has gone through GetBoundProfilePackage
      When the LPA cancels the session with reason loadBppExecutionError
      Then the SM-DP+ answers cancelSessionOk
      And a new GetBoundProfilePackage for the cancelled session is refused with getBoundProfilePackageError invalidTransactionId(95)

      @nist @TC_SM-DP+_ES9+.CancelSessionNIST
      Examples: NIST P-256
        | curve |
        | NIST |

      @brp @TC_SM-DP+_ES9+.CancelSessionBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP |

    @negative
    Scenario Outline: CancelSession: error: unknown transactionId
      Given a profile released for the eUICC with a MatchingID
      And the download has gone through AuthenticateClient
      When the LPA cancels the session with an unknown transactionId in the request
      Then the SM-DP+ answers cancelSessionError invalidTransactionId(1)

      @nist @TC_SM-DP+_ES9+.CancelSessionNIST
      Examples: NIST P-256
        | curve |
        | NIST |

      @brp @TC_SM-DP+_ES9+.CancelSessionBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP |

    @negative
    Scenario Outline: CancelSession: error: invalid eUICC signature
      Given a profile released for the eUICC with a MatchingID
      And the download has gone through AuthenticateClient
      When the LPA cancels the session with a corrupted euiccCancelSessionSignature
      Then the SM-DP+ answers cancelSessionError euiccSignatureInvalid(2)

      @nist @TC_SM-DP+_ES9+.CancelSessionNIST
      Examples: NIST P-256
        | curve |
        | NIST |

      @brp @TC_SM-DP+_ES9+.CancelSessionBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP |

  Rule: a request that is no RemoteProfileProvisioningRequest is refused at the HTTP level (SGP.22 §6.6)

    @negative
    Scenario Outline: a malformed request: <request>
      Given the LPA has an activation code of the SM-DP+
      When the LPA posts to the ASN.1 binding <request>
      Then the SM-DP+ refuses the request with an HTTP client error status

      @nist @TC_SM-DP+_ES9+.InitiateAuthenticationNIST
      Examples: NIST P-256
        | curve | request |
        | NIST | a body that is not DER |
        | NIST | an InitiateAuthenticationRequest cut short |

      @brp @TC_SM-DP+_ES9+.InitiateAuthenticationBRP
      Examples: brainpoolP256r1
        | curve | request |
        | BRP | a body that is not DER |
        | BRP | an InitiateAuthenticationRequest cut short |
