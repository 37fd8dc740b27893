@smds @es11 @sgp22-v2
Feature: AuthenticateClient
  ES11.AuthenticateClient (SGP.22 v2.5 §5.8.2, §3.6.2; JSON binding §6.5.2): after the eUICC has authenticated the SM-DS
  (ES10b.AuthenticateServer with ctxParams1 for event retrieval: no MatchingID, SGP.22 §5.7.13), the LPA sends the
  eUICC's signed answer; the SM-DS verifies the eUICC (signature, CERT.EUICC.ECDSA, CERT.EUM.ECDSA, the CI) and answers
  the Event Records it holds for that EID, and only those. The harness plays the SM-DP+ on ES12 to register the events,
  and the LPA and the eUICC on ES11 (the emulated eUICC with the run's PKI of the scenario's curve; its faults present
  the negative certificates).

  SGP.23 names no SM-DS test case in the catalog the harness tracks: these scenarios carry no SGP.23 ID.

  Rule: the SM-DS answers the Event Records of the authenticated eUICC's EID, and only those

    Scenario Outline: the event registered for the eUICC is answered
      Given the SM-DP+ has registered an event for the eUICC
      And the eUICC has authenticated the SM-DS
      When the LPA calls AuthenticateClient at the SM-DS
      Then the SM-DS answers Executed-Success
      And the event entries are exactly the registered event, with its EventID and the SM-DP+ address

      @nist
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    Scenario Outline: an eUICC without events gets an empty list
      Given the eUICC has authenticated the SM-DS
      When the LPA calls AuthenticateClient at the SM-DS
      Then the SM-DS answers Executed-Success
      And the event entries are empty

      @nist
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    Scenario Outline: an event of another eUICC is never answered
      Given the SM-DP+ has registered an event for another eUICC
      And the eUICC has authenticated the SM-DS
      When the LPA calls AuthenticateClient at the SM-DS
      Then the SM-DS answers Executed-Success
      And the event entries are empty

      @nist
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

  Rule: the SM-DS answers only a session it opened, for an eUICC it could verify

    @negative
    Scenario Outline: an unknown transactionId is refused
      Given the eUICC has authenticated the SM-DS
      When the LPA calls AuthenticateClient at the SM-DS with a transactionId unknown to the SM-DS
      Then the SM-DS answers Failed with 8.10.1 / 3.9

      @nist
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    @negative
    Scenario Outline: <description> is refused
      Given the SM-DP+ has registered an event for the eUICC
      And the eUICC presents <presented>
      And the eUICC has authenticated the SM-DS
      When the LPA calls AuthenticateClient at the SM-DS
      Then the SM-DS answers Failed with <code>

      @nist
      Examples: NIST P-256
        | description                            | presented                                     | code         |
        | an invalid euiccSignature1             | an euiccSignature1 that does not verify       | 8.1 / 6.1    |
        | an eUICC certificate of another EUM    | an eUICC certificate signed by another EUM    | 8.1.3 / 6.1  |
        | an expired EUM certificate             | an expired EUM certificate                    | 8.1.2 / 6.3  |
        | certificates under an unknown CI       | certificates under a CI unknown to the SM-DS  | 8.11.1 / 3.9 |

      @brp
      Examples: brainpoolP256r1
        | description                            | presented                                     | code         |
        | an invalid euiccSignature1             | an euiccSignature1 that does not verify       | 8.1 / 6.1    |
        | an eUICC certificate of another EUM    | an eUICC certificate signed by another EUM    | 8.1.3 / 6.1  |
        | an expired EUM certificate             | an expired EUM certificate                    | 8.1.2 / 6.3  |
        | certificates under an unknown CI       | certificates under a CI unknown to the SM-DS  | 8.11.1 / 3.9 |
