@smdp @es9plus @sgp22-v2
Feature: AuthenticateClient
  SGP.23 §4.3.14, ES9+.AuthenticateClient (SGP.22 v2.5 §5.6.3, §3.1.3.1, JSON binding §6.5.2.8): the LPA
  forwards the eUICC's AuthenticateServerResponse; the SM-DP+ verifies the eUICC's certificates and
  euiccSignature1, finds the download order, and answers smdpSigned2 signed with CERT.DPpb.ECDSA and the
  profile's metadata. The harness plays the LPA and the eUICC (the emulated eUICC with the run's PKI of
  the scenario's curve; its faults present the negative certificates of the PKI); orders are prepared on ES2+.

  Decisions: the catalog lists these cases without sequence numbers; the sequences added after it carry the numbers of
  SGP.23 v1.15 §4.3.14.2.1 (nominal) and §4.3.14.2.2 (errors) as the open TTCN-3 suite (osmo-ttcn3-hacks smdpp/) uses
  them. An SM-DS event's order is one confirmed with an smdsAddress, its MatchingID the EventID (no SM-DS is contacted).
  #14 and #19 download as the eUICC an order of another eUICC. #17 and #18: without a MatchingID the SM-DP+ looks for a
  pending order of the EID (SGP.22 §3.1.3.1), and the text names no kind of order, so an activation code's order linked
  to the eUICC's EID is found as well; SGP.23 counts both as nominal. "Invalid EUM
  certificate" is the eUICC's EUM certificate with its CI signature broken; "invalid serverChallenge" is an
  euiccSigned1 with another serverChallenge, validly signed with the eUICC's key (the harness holds it).
  "No eligible profile" and "download order expired" need the bundled reference SM-DP+ (an empty profile
  pool, an order whose validity is moved into the past), hence @reference-only. "Maximum number of retries"
  downloads until the SM-DP+ refuses one (at most 10 attempts) and expects the next to be refused with 8.8.5 / 6.4.

  Rule: the SM-DP+ authenticates the eUICC and binds the download to its order

    Scenario Outline: nominal via the default SM-DP+ address
      Given a profile released for the eUICC for its default SM-DP+
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient
      Then the SM-DP+ answers Executed-Success
      And smdpSigned2 carries the session's transactionId and smdpSignature2 verifies with a CERT.DPpb.ECDSA of a CI the eUICC trusts
      And smdpSigned2 says a confirmation code is not required
      And profileMetadata describes the ordered profile

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    Scenario Outline: nominal via an activation code without confirmation code
      Given a profile released for the eUICC with a MatchingID
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient
      Then the SM-DP+ answers Executed-Success
      And smdpSigned2 carries the session's transactionId and smdpSignature2 verifies with a CERT.DPpb.ECDSA of a CI the eUICC trusts
      And smdpSigned2 says a confirmation code is not required
      And profileMetadata describes the ordered profile

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    Scenario Outline: nominal via an activation code with confirmation code
      Given a profile released for the eUICC with a MatchingID and a confirmation code
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient
      Then the SM-DP+ answers Executed-Success
      And smdpSigned2 carries the session's transactionId and smdpSignature2 verifies with a CERT.DPpb.ECDSA of a CI the eUICC trusts
      And smdpSigned2 says a confirmation code is required
      And profileMetadata describes the ordered profile

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    Scenario Outline: nominal via an SM-DS event with a MatchingID
      Given a profile released for the eUICC through an SM-DS event with a MatchingID
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient
      Then the SM-DP+ answers Executed-Success
      And smdpSigned2 carries the session's transactionId and smdpSignature2 verifies with a CERT.DPpb.ECDSA of a CI the eUICC trusts
      And smdpSigned2 says a confirmation code is not required
      And profileMetadata describes the ordered profile

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    Scenario Outline: nominal via an SM-DS event without a MatchingID
      Given a profile released for the eUICC through an SM-DS event without a MatchingID
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient
      Then the SM-DP+ answers Executed-Success
      And smdpSigned2 carries the session's transactionId and smdpSignature2 verifies with a CERT.DPpb.ECDSA of a CI the eUICC trusts
      And smdpSigned2 says a confirmation code is not required
      And profileMetadata describes the ordered profile

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    Scenario Outline: nominal with the MatchingID omitted
      Given a profile released for the eUICC for its default SM-DP+
      And the LPA puts no MatchingID into ctxParams1
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient
      Then the SM-DP+ answers Executed-Success
      And smdpSigned2 carries the session's transactionId and smdpSignature2 verifies with a CERT.DPpb.ECDSA of a CI the eUICC trusts
      And smdpSigned2 says a confirmation code is not required
      And profileMetadata describes the ordered profile

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    Scenario Outline: nominal with an empty MatchingID
      Given a profile released for the eUICC for its default SM-DP+
      And the LPA puts an empty MatchingID into ctxParams1
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient
      Then the SM-DP+ answers Executed-Success
      And smdpSigned2 carries the session's transactionId and smdpSignature2 verifies with a CERT.DPpb.ECDSA of a CI the eUICC trusts
      And smdpSigned2 says a confirmation code is not required
      And profileMetadata describes the ordered profile

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    Scenario Outline: nominal at a second attempt after a failure
      Given a profile released for the eUICC with a MatchingID
      And a first download attempt failed at AuthenticateClient with a broken euiccSignature1
      And the LPA starts the download of that profile again
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient
      Then the SM-DP+ answers Executed-Success
      And smdpSigned2 carries the session's transactionId and smdpSignature2 verifies with a CERT.DPpb.ECDSA of a CI the eUICC trusts
      And smdpSigned2 says a confirmation code is not required
      And profileMetadata describes the ordered profile

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    Scenario Outline: #03 nominal at a second attempt after an invalid MatchingID
      Given a profile released for the eUICC for its default SM-DP+
      And a first download attempt failed at AuthenticateClient with a MatchingID unknown to the SM-DP+
      And the LPA starts the download of that profile again
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient
      Then the SM-DP+ answers Executed-Success
      And smdpSigned2 carries the session's transactionId and smdpSignature2 verifies with a CERT.DPpb.ECDSA of a CI the eUICC trusts
      And profileMetadata describes the ordered profile

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    Scenario Outline: nominal with extended DeviceInfo capabilities and an SGP.22 v2.3.0 eUICC
      Given the device declares every DeviceInfo capability and the eUICC declares SGP.22 v2.3.0
      And a profile released for the eUICC with a MatchingID
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient
      Then the SM-DP+ answers Executed-Success
      And smdpSigned2 carries the session's transactionId and smdpSignature2 verifies with a CERT.DPpb.ECDSA of a CI the eUICC trusts
      And smdpSigned2 says a confirmation code is not required
      And profileMetadata describes the ordered profile

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    Scenario Outline: #02 nominal via the default SM-DP+ address with a confirmation code
      Given a profile released for the eUICC for its default SM-DP+ with a confirmation code
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient
      Then the SM-DP+ answers Executed-Success
      And smdpSigned2 carries the session's transactionId and smdpSignature2 verifies with a CERT.DPpb.ECDSA of a CI the eUICC trusts
      And smdpSigned2 says a confirmation code is required
      And profileMetadata describes the ordered profile

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    Scenario Outline: #06 nominal via an SM-DS event with a confirmation code
      Given a profile released for the eUICC through an SM-DS event with a MatchingID and a confirmation code
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient
      Then the SM-DP+ answers Executed-Success
      And smdpSigned2 carries the session's transactionId and smdpSignature2 verifies with a CERT.DPpb.ECDSA of a CI the eUICC trusts
      And smdpSigned2 says a confirmation code is required
      And profileMetadata describes the ordered profile

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    Scenario Outline: #11 nominal via an activation code not associated to an EID, without confirmation code
      Given a profile released with a MatchingID and no EID
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient
      Then the SM-DP+ answers Executed-Success
      And smdpSigned2 carries the session's transactionId and smdpSignature2 verifies with a CERT.DPpb.ECDSA of a CI the eUICC trusts
      And smdpSigned2 says a confirmation code is not required
      And profileMetadata describes the ordered profile

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    Scenario Outline: #12 nominal via an activation code not associated to an EID, with confirmation code
      Given a profile released with a MatchingID, a confirmation code and no EID
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient
      Then the SM-DP+ answers Executed-Success
      And smdpSigned2 carries the session's transactionId and smdpSignature2 verifies with a CERT.DPpb.ECDSA of a CI the eUICC trusts
      And smdpSigned2 says a confirmation code is required
      And profileMetadata describes the ordered profile

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    Scenario Outline: #15 nominal via an SM-DS event with the MatchingID omitted
      Given a profile released for the eUICC through an SM-DS event with a MatchingID
      And the LPA puts no MatchingID into ctxParams1
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient
      Then the SM-DP+ answers Executed-Success
      And smdpSigned2 carries the session's transactionId and smdpSignature2 verifies with a CERT.DPpb.ECDSA of a CI the eUICC trusts
      And smdpSigned2 says a confirmation code is not required
      And profileMetadata describes the ordered profile

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    Scenario Outline: #16 nominal via an SM-DS event with an empty MatchingID
      Given a profile released for the eUICC through an SM-DS event with a MatchingID
      And the LPA puts an empty MatchingID into ctxParams1
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient
      Then the SM-DP+ answers Executed-Success
      And smdpSigned2 carries the session's transactionId and smdpSignature2 verifies with a CERT.DPpb.ECDSA of a CI the eUICC trusts
      And smdpSigned2 says a confirmation code is not required
      And profileMetadata describes the ordered profile

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    Scenario Outline: #17 nominal via an activation code linked to the EID, with the MatchingID omitted
      Given a profile released for the eUICC with a MatchingID, linked to its EID
      And the LPA puts no MatchingID into ctxParams1
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient
      Then the SM-DP+ answers Executed-Success
      And smdpSigned2 carries the session's transactionId and smdpSignature2 verifies with a CERT.DPpb.ECDSA of a CI the eUICC trusts
      And smdpSigned2 says a confirmation code is not required
      And profileMetadata describes the ordered profile

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    Scenario Outline: #18 nominal via an activation code linked to the EID, with an empty MatchingID
      Given a profile released for the eUICC with a MatchingID, linked to its EID
      And the LPA puts an empty MatchingID into ctxParams1
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient
      Then the SM-DP+ answers Executed-Success
      And smdpSigned2 carries the session's transactionId and smdpSignature2 verifies with a CERT.DPpb.ECDSA of a CI the eUICC trusts
      And smdpSigned2 says a confirmation code is not required
      And profileMetadata describes the ordered profile

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    Scenario Outline: #19 nominal with every uiccCapability bit set in euiccInfo2
      Given a profile released for the eUICC with a MatchingID
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient with euiccSigned1 carrying a uiccCapability with every bit set, signed by the eUICC
      Then the SM-DP+ answers Executed-Success
      And smdpSigned2 carries the session's transactionId and smdpSignature2 verifies with a CERT.DPpb.ECDSA of a CI the eUICC trusts
      And smdpSigned2 says a confirmation code is not required
      And profileMetadata describes the ordered profile

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

  Rule: the SM-DP+ refuses an eUICC it cannot authenticate

    @negative
    Scenario Outline: error: invalid EUM certificate
      Given a profile released for the eUICC with a MatchingID
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient with the EUM certificate's signature broken
      Then the SM-DP+ answers Failed with 8.1.2 / 6.1

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    @negative
    Scenario Outline: error: expired EUM certificate
      Given the eUICC presents an expired EUM certificate
      And a profile released for the eUICC with a MatchingID
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient
      Then the SM-DP+ answers Failed with 8.1.2 / 6.3

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    @negative
    Scenario Outline: error: invalid eUICC certificate
      Given the eUICC presents an eUICC certificate signed by another EUM
      And a profile released for the eUICC with a MatchingID
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient
      Then the SM-DP+ answers Failed with 8.1.3 / 6.1

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    @negative
    Scenario Outline: error: expired eUICC certificate
      Given the eUICC presents an expired eUICC certificate
      And a profile released for the eUICC with a MatchingID
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient
      Then the SM-DP+ answers Failed with 8.1.3 / 6.3

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    @negative
    Scenario Outline: error: invalid eUICC signature
      Given the eUICC presents an euiccSignature1 that does not verify
      And a profile released for the eUICC with a MatchingID
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient
      Then the SM-DP+ answers Failed with 8.1 / 6.1

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    @negative
    Scenario Outline: error: invalid serverChallenge
      Given a profile released for the eUICC with a MatchingID
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient with euiccSigned1 carrying another serverChallenge, signed by the eUICC
      Then the SM-DP+ answers Failed with 8.1 / 6.1

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    @negative
    Scenario Outline: error: unknown CI public key
      Given the eUICC presents certificates under a CI unknown to the SM-DP+
      And a profile released for the eUICC with a MatchingID
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient
      Then the SM-DP+ answers Failed with 8.11.1 / 3.9

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    @negative
    Scenario Outline: error: EID outside the EUM's permitted range
      Given the eUICC presents an eUICC certificate whose EID is outside the EUM's permitted range
      And a profile released for the eUICC with a MatchingID
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient
      Then the SM-DP+ answers Failed with 8.1.4 / 6.1

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

  Rule: the SM-DP+ refuses a download it has no valid order for

    @negative
    Scenario Outline: error: profile not released
      Given a profile confirmed for the eUICC without being released
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient
      Then the SM-DP+ answers Failed with 8.2 / 1.2

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    @negative
    Scenario Outline: error: unknown transactionId
      Given a profile released for the eUICC with a MatchingID
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient with a transactionId unknown to the SM-DP+
      Then the SM-DP+ answers Failed with 8.10.1 / 3.9

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    @negative
    Scenario Outline: error: invalid MatchingID
      Given the LPA has an activation code of the SM-DP+
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient
      Then the SM-DP+ answers Failed with 8.2.6 / 3.8

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    @negative
    Scenario Outline: error: EID mismatch
      Given a profile released for another eUICC with a MatchingID
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient
      Then the SM-DP+ answers Failed with 8.1.1 / 3.8

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    @negative @reference-only
    Scenario Outline: error: no eligible profile
      Given the LPA has the MatchingID of a profile pool with no profile left
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient
      Then the SM-DP+ answers Failed with 8.2.5 / 4.3

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    @negative @reference-only
    Scenario Outline: error: download order expired
      Given a profile released for the eUICC with a MatchingID
      And the download order of that profile has expired
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient
      Then the SM-DP+ answers Failed with 8.8.5 / 4.10

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    @negative
    Scenario Outline: error: maximum number of retries exceeded
      Given a profile released for the eUICC with a MatchingID
      And the eUICC has used up the download attempts of that order
      When the LPA calls AuthenticateClient
      Then the SM-DP+ answers Failed with 8.8.5 / 6.4

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    @negative
    Scenario Outline: error: unknown transactionId in euiccSigned1 (SGP.23 4.3.14.2.2 #10)
      Given a profile released for the eUICC with a MatchingID
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient with euiccSigned1 carrying an unknown transactionId, signed by the eUICC
      Then the SM-DP+ answers Failed with 8.10.1 / 3.9

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    @negative
    Scenario Outline: error: invalid MatchingID for the default SM-DP+ address (SGP.23 4.3.14.2.2 #11)
      Given a profile released for the eUICC for its default SM-DP+
      And the LPA puts a MatchingID unknown to the SM-DP+ into ctxParams1
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient
      Then the SM-DP+ answers Failed with 8.2.6 / 3.8

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    @negative
    Scenario Outline: error: invalid MatchingID for an SM-DS event (SGP.23 4.3.14.2.2 #13)
      Given a profile released for the eUICC through an SM-DS event with a MatchingID
      And the LPA puts a MatchingID unknown to the SM-DP+ into ctxParams1
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient
      Then the SM-DP+ answers Failed with 8.2.6 / 3.8

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    @negative
    Scenario Outline: error: EID mismatch for the default SM-DP+ address (SGP.23 4.3.14.2.2 #14)
      Given a profile released for another eUICC for its default SM-DP+
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient
      Then the SM-DP+ answers Failed with 8.1.1 / 3.8

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    @negative
    Scenario Outline: error: EID mismatch for an SM-DS event (SGP.23 4.3.14.2.2 #19)
      Given a profile released for another eUICC through an SM-DS event with a MatchingID
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient
      Then the SM-DP+ answers Failed with 8.1.1 / 3.8

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    @negative
    Scenario Outline: error: invalid MatchingID for an activation code not associated to an EID (SGP.23 4.3.14.2.2 #21)
      Given a profile released with a MatchingID and no EID
      And the LPA puts a MatchingID unknown to the SM-DP+ into ctxParams1
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient
      Then the SM-DP+ answers Failed with 8.2.6 / 3.8

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |
