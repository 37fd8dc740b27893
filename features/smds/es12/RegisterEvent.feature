@smds @es12 @sgp22-v2
Feature: RegisterEvent
  ES12.RegisterEvent (SGP.22 v2.5 §5.9.1, §3.6.1; JSON binding §6.5.2): an SM-DP+ registers an Event Record (EID, RSP
  Server address, EventID) at the SM-DS over mutually authenticated TLS (§2.6.6). The harness plays the SM-DP+, with
  CERT.DPtls of the run's PKI as its TLS client certificate, and, to see what the SM-DS keeps, the LPA and the eUICC
  on ES11 (the emulated eUICC with the run's PKI of the scenario's curve).

  SGP.23 names no SM-DS test case in the catalog the harness tracks (fixtures/sgp23/catalog.json): these scenarios
  carry no SGP.23 ID.

  Rule: the SM-DS keeps the Event Record and hands it to that eUICC

    Scenario Outline: a registered event is kept for the eUICC
      When the SM-DP+ registers an event for the eUICC
      Then the SM-DS answers Executed-Success
      And the eUICC retrieves that event from the SM-DS

      @nist
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

  Rule: an Event Record is identified by its EventID: the same EventID is not registered twice

    @negative
    Scenario: a second registration of the same EventID is refused
      Given the SM-DP+ has registered an event for the eUICC
      When the SM-DP+ registers the same event again
      Then the SM-DS answers Failed with 8.9.5 / 3.3

  Rule: only an authenticated SM-DP+ registers events (ES12 is mutually authenticated TLS)

    @negative
    Scenario Outline: RegisterEvent <caller> is refused
      When the SM-DP+ registers an event for the eUICC <caller>
      Then the SM-DS refuses the call as unauthenticated

      Examples:
        | caller                                         |
        | without a client certificate                   |
        | with a client certificate from an untrusted CA |
