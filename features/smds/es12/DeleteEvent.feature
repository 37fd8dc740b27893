@smds @es12 @sgp22-v2
Feature: DeleteEvent
  ES12.DeleteEvent (SGP.22 v2.5 §5.9.2, §3.6.1; JSON binding §6.5.2): the SM-DP+ that registered an Event Record deletes
  it (after the download, or when the order is cancelled). The harness plays the SM-DP+ (CERT.DPtls of the run's PKI as
  its TLS client certificate) and the LPA with the eUICC on ES11 to see what the SM-DS still holds.

  SGP.23 names no SM-DS test case in the catalog the harness tracks: these scenarios carry no SGP.23 ID.

  Rule: a deleted Event Record is no longer handed to the eUICC

    Scenario Outline: a deleted event is gone
      Given the SM-DP+ has registered an event for the eUICC
      When the SM-DP+ deletes that event
      Then the SM-DS answers Executed-Success
      And the eUICC retrieves no event from the SM-DS

      @nist
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

  Rule: DeleteEvent names an Event Record the SM-DS holds for that EID (8.9.5 / 3.9 otherwise)

    @negative
    Scenario: DeleteEvent of an EventID unknown to the SM-DS is refused
      When the SM-DP+ deletes an event unknown to the SM-DS
      Then the SM-DS answers Failed with 8.9.5 / 3.9

    @negative
    Scenario: DeleteEvent of an event under another EID is refused
      Given the SM-DP+ has registered an event for the eUICC
      When the SM-DP+ deletes that event for another eUICC
      Then the SM-DS answers Failed with 8.9.5 / 3.9

  Rule: only an authenticated SM-DP+ deletes events

    @negative
    Scenario Outline: DeleteEvent <caller> is refused
      Given the SM-DP+ has registered an event for the eUICC
      When the SM-DP+ deletes that event <caller>
      Then the SM-DS refuses the call as unauthenticated

      Examples:
        | caller                                         |
        | without a client certificate                   |
        | with a client certificate from an untrusted CA |
