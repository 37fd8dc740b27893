@smdp @es12 @smds @sgp22-v2
Feature: EventRegistration
  The SM-DP+'s side of ES12 (SGP.22 v2.5 §3.6.1, §5.9): when the operator's ConfirmOrder names an SM-DS (smdsAddress,
  §5.3.2), the SM-DP+ registers an event there (ES12.RegisterEvent: the order's EID, its own address, the order's
  MatchingID as EventID), over mutually authenticated TLS; once the event is consumed by the download, or the order is
  cancelled (§5.3.3), it deletes the event (ES12.DeleteEvent). The harness plays the operator on ES2+ and the SM-DS the
  order names (on loopback, CERT.DS.TLS of the run's PKI, answering Executed-Success); a call that does not come within
  the run's timeout fails the scenario. The harness's SM-DS is reachable by the bundled reference SM-DP+ only: against
  a remote SM-DP+ these scenarios are skipped with that reason.

  SGP.23's ConfirmOrder and CancelOrder test cases cover ConfirmOrder with an SM-DS address; the download's deletion
  carries no SGP.23 ID.

  Rule: ConfirmOrder with an smdsAddress makes the SM-DP+ register the event at that SM-DS, and only then

    @TC_SM-DP+_ES2+.ConfirmOrder
    Scenario: ConfirmOrder with an smdsAddress registers the event for the order's EID
      Given the operator has ordered a profile for the eUICC
      When the operator confirms that order with the harness's SM-DS as smdsAddress
      Then the SM-DP+ answers Executed-Success
      And the SM-DP+ calls RegisterEvent at that SM-DS with the eUICC's EID, the SM-DP+ address and the order's MatchingID as EventID

    @TC_SM-DP+_ES2+.ConfirmOrder
    Scenario: ConfirmOrder without an smdsAddress registers no event
      Given the operator has ordered a profile for the eUICC
      When the operator confirms that order without an smdsAddress
      Then the SM-DP+ answers Executed-Success
      And the SM-DP+ calls no ES12 function at the harness's SM-DS

  Rule: the SM-DP+ deletes the event once it is consumed or cancelled

    Scenario Outline: after the download the SM-DP+ deletes the event
      Given a profile released for the eUICC through an event at the harness's SM-DS
      When the LPA downloads the profile into the eUICC
      Then the SM-DP+ calls DeleteEvent at that SM-DS with the eUICC's EID and the event's EventID

      @nist
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    @TC_SM-DP+_ES2+.CancelOrder
    Scenario: CancelOrder of an order with an event deletes the event
      Given the operator has ordered a profile for the eUICC
      And the operator has confirmed that order with the harness's SM-DS as smdsAddress
      When the operator cancels that order
      Then the SM-DP+ answers Executed-Success
      And the SM-DP+ calls DeleteEvent at that SM-DS with the eUICC's EID and the event's EventID
