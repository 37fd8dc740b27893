@smdp @e2e @smds @es11 @es12 @sgp22-v2
Feature: SmdsEventDownload
  A download started by an SM-DS event, end to end (SGP.22 v2.5 §3.6, §3.1.3): the operator's ConfirmOrder names the
  run's SM-DS; the SM-DP+ registers the event there (ES12); the LPA reads the root SM-DS address from the eUICC
  (ES10a.GetEuiccConfiguredAddresses), retrieves the eUICC's events from the SM-DS (ES11, the eUICC authenticating the
  SM-DS with ctxParams1 for event retrieval), downloads from the SM-DP+ the event names with the EventID as MatchingID
  (ES9+), and afterwards the SM-DS no longer holds the event (the SM-DP+ deleted it, ES12.DeleteEvent). The eUICC is the
  emulated one of the SM-DP+ scenarios, its root SM-DS address the run's SM-DS address.

  The SM-DP+ must be able to reach the run's SM-DS: the bundled reference SM-DP+ is configured so; a remote SM-DP+ must be
  (skipped otherwise). No SGP.23 ID: SGP.23 has no end-to-end test case for it.

  Rule: an event registered by the SM-DP+ leads the LPA to the profile, and is gone after the download

    Scenario Outline: download by an SM-DS event
      Given a profile released for the eUICC through an event at the run's SM-DS
      When the LPA retrieves the eUICC's events from the root SM-DS the eUICC holds
      Then the SM-DS hands the eUICC one event, naming the SM-DP+ and the order's MatchingID
      When the LPA downloads from the SM-DP+ the event names
      Then the eUICC holds the ordered profile, disabled
      And the SM-DS no longer hands the eUICC that event

      @nist
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp
      Examples: brainpoolP256r1
        | curve |
        | BRP   |
