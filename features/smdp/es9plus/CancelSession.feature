@smdp @es9plus @sgp22-v2
Feature: CancelSession
  SGP.23 §4.3.16, ES9+.CancelSession (SGP.22 v2.5 §5.6.5, §3.1.3 "Cancel Session", JSON binding §6.5.2.10): the
  LPA has the eUICC cancel the RSP session (ES10b.CancelSession, §5.7.14) and forwards the signed
  CancelSessionResponse; the SM-DP+ verifies euiccCancelSessionSignature, the transactionId and its own OID,
  then ends the session. The harness plays the LPA and the eUICC (the emulated eUICC of the scenario's curve).
  Invalid SM-DP+ OID: SGP.23 gives 8.8 / 3.10 (some of its tables 8.8 / 3.1); we expect 8.8 / 3.10, the code
  of SGP.22 v2.5 §5.6.5. Sequence numbers: SGP.23 v1.15 numbers the cases after AuthenticateClient #01-#05 (reasons)
  and #06-#09 (errors), after GetBoundProfilePackage #01-#07 and #08-#11, each error block in the order unknown
  transactionId in the request, unknown transactionId in euiccCancelSessionSigned, invalid eUICC signature, invalid
  SM-DP+ OID (the order as the public analyses of SGP.23 list it); the negative scenarios added with issue #15 carry
  them. "An unknown transactionId in euiccCancelSessionSigned" is signed by the eUICC's key under the session's
  transactionId in the request.

  Rule: the SM-DP+ ends a session it refused at AuthenticateClient when the eUICC cancels it
    After a refused AuthenticateClient an LPA ends the session with the eUICC's CancelSessionResponse (lpac sends
    endUserRejection). The eUICC proved itself in that AuthenticateClient, so the SM-DP+ can verify the signature with
    CERT.EUICC.ECDSA; the session is still open, so we expect Executed-Success (not 8.10.1 / 3.9, which is for an
    unknown or ended session, nor 8.1 / 6.1, which says the eUICC's signature is wrong).

    Scenario Outline: CancelSession after an AuthenticateClient refused for an invalid MatchingID
      Given the LPA has an activation code of the SM-DP+
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient
      Then the SM-DP+ answers Failed with 8.2.6 / 3.8
      When the LPA cancels the session with reason endUserRejection
      Then the SM-DP+ answers Executed-Success

      @nist @TC_SM-DP+_ES9+.CancelSessionNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.CancelSessionBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

  Rule: the SM-DP+ ends a session the eUICC cancelled

    Scenario Outline: after AuthenticateClient, reason <reason>
      Given a profile released for the eUICC with a MatchingID
      And the download has gone through AuthenticateClient
      When the LPA cancels the session with reason <reason>
      Then the SM-DP+ answers Executed-Success

      @nist @TC_SM-DP+_ES9+.CancelSessionNIST
      Examples: NIST P-256
        | curve | reason |
        | NIST | endUserRejection |
        | NIST | postponed |
        | NIST | timeout |
        | NIST | pprNotAllowed |
        | NIST | undefinedReason |

      @brp @TC_SM-DP+_ES9+.CancelSessionBRP
      Examples: brainpoolP256r1
        | curve | reason |
        | BRP | endUserRejection |
        | BRP | postponed |
        | BRP | timeout |
        | BRP | pprNotAllowed |
        | BRP | undefinedReason |

    Scenario Outline: after GetBoundProfilePackage, reason <reason>
      Given a profile released for the eUICC with a MatchingID
      And the download has gone through GetBoundProfilePackage
      When the LPA cancels the session with reason <reason>
      Then the SM-DP+ answers Executed-Success
      And a new GetBoundProfilePackage for the cancelled session is refused with 8.10.1 / 3.9

      @nist @TC_SM-DP+_ES9+.CancelSessionNIST
      Examples: NIST P-256
        | curve | reason |
        | NIST | endUserRejection |
        | NIST | postponed |
        | NIST | timeout |
        | NIST | pprNotAllowed |
        | NIST | metadataMismatch |
        | NIST | loadBppExecutionError |
        | NIST | undefinedReason |

      @brp @TC_SM-DP+_ES9+.CancelSessionBRP
      Examples: brainpoolP256r1
        | curve | reason |
        | BRP | endUserRejection |
        | BRP | postponed |
        | BRP | timeout |
        | BRP | pprNotAllowed |
        | BRP | metadataMismatch |
        | BRP | loadBppExecutionError |
        | BRP | undefinedReason |

  Rule: the SM-DP+ refuses a cancellation it cannot authenticate

    @negative
    Scenario Outline: unknown transactionId
      Given a profile released for the eUICC with a MatchingID
      And the download has gone through AuthenticateClient
      When the LPA cancels the session with an unknown transactionId in the request
      Then the SM-DP+ answers Failed with 8.10.1 / 3.9

      @nist @TC_SM-DP+_ES9+.CancelSessionNIST
      Examples: NIST P-256
        | curve |
        | NIST |

      @brp @TC_SM-DP+_ES9+.CancelSessionBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP |

    @negative
    Scenario Outline: invalid eUICC signature
      Given a profile released for the eUICC with a MatchingID
      And the download has gone through AuthenticateClient
      When the LPA cancels the session with a corrupted euiccCancelSessionSignature
      Then the SM-DP+ answers Failed with 8.1 / 6.1

      @nist @TC_SM-DP+_ES9+.CancelSessionNIST
      Examples: NIST P-256
        | curve |
        | NIST |

      @brp @TC_SM-DP+_ES9+.CancelSessionBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP |

    @negative
    Scenario Outline: invalid SM-DP+ OID
      Given a profile released for the eUICC with a MatchingID
      And the download has gone through AuthenticateClient
      When the LPA cancels the session with euiccCancelSessionSigned signed by the eUICC for another SM-DP+ OID
      Then the SM-DP+ answers Failed with 8.8 / 3.10

      @nist @TC_SM-DP+_ES9+.CancelSessionNIST
      Examples: NIST P-256
        | curve |
        | NIST |

      @brp @TC_SM-DP+_ES9+.CancelSessionBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP |

    @negative
    Scenario Outline: #07 after AuthenticateClient: unknown transactionId in euiccCancelSessionSigned
      Given a profile released for the eUICC with a MatchingID
      And the download has gone through AuthenticateClient
      When the LPA cancels the session with euiccCancelSessionSigned signed by the eUICC for an unknown transactionId
      Then the SM-DP+ answers Failed with 8.10.1 / 3.9

      @nist @TC_SM-DP+_ES9+.CancelSessionNIST
      Examples: NIST P-256
        | curve |
        | NIST |

      @brp @TC_SM-DP+_ES9+.CancelSessionBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP |

    @negative
    Scenario Outline: #08 after GetBoundProfilePackage: unknown transactionId
      Given a profile released for the eUICC with a MatchingID
      And the download has gone through GetBoundProfilePackage
      When the LPA cancels the session with an unknown transactionId in the request
      Then the SM-DP+ answers Failed with 8.10.1 / 3.9

      @nist @TC_SM-DP+_ES9+.CancelSessionNIST
      Examples: NIST P-256
        | curve |
        | NIST |

      @brp @TC_SM-DP+_ES9+.CancelSessionBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP |

    @negative
    Scenario Outline: #09 after GetBoundProfilePackage: unknown transactionId in euiccCancelSessionSigned
      Given a profile released for the eUICC with a MatchingID
      And the download has gone through GetBoundProfilePackage
      When the LPA cancels the session with euiccCancelSessionSigned signed by the eUICC for an unknown transactionId
      Then the SM-DP+ answers Failed with 8.10.1 / 3.9

      @nist @TC_SM-DP+_ES9+.CancelSessionNIST
      Examples: NIST P-256
        | curve |
        | NIST |

      @brp @TC_SM-DP+_ES9+.CancelSessionBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP |

    @negative
    Scenario Outline: #10 after GetBoundProfilePackage: invalid eUICC signature
      Given a profile released for the eUICC with a MatchingID
      And the download has gone through GetBoundProfilePackage
      When the LPA cancels the session with a corrupted euiccCancelSessionSignature
      Then the SM-DP+ answers Failed with 8.1 / 6.1

      @nist @TC_SM-DP+_ES9+.CancelSessionNIST
      Examples: NIST P-256
        | curve |
        | NIST |

      @brp @TC_SM-DP+_ES9+.CancelSessionBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP |

    @negative
    Scenario Outline: #11 after GetBoundProfilePackage: invalid SM-DP+ OID
      Given a profile released for the eUICC with a MatchingID
      And the download has gone through GetBoundProfilePackage
      When the LPA cancels the session with euiccCancelSessionSigned signed by the eUICC for another SM-DP+ OID
      Then the SM-DP+ answers Failed with 8.8 / 3.10

      @nist @TC_SM-DP+_ES9+.CancelSessionNIST
      Examples: NIST P-256
        | curve |
        | NIST |

      @brp @TC_SM-DP+_ES9+.CancelSessionBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP |
