@smdp @es2plus @sgp22-v2 @TC_SM-DP+_ES2+.DownloadOrder
Feature: DownloadOrder
  SGP.23 §4.3.1, ES2+.DownloadOrder (SGP.22 v2.5 §5.3.1, JSON binding §6.5.2.1): the operator
  reserves a profile on the SM-DP+, by ICCID or by profile type, optionally linked to an EID.
  ES2+ runs over mutually authenticated TLS (SGP.22 §2.6.6): the harness plays the operator with
  its own client certificate, which the SM-DP+ under test must trust.

  Rule: a profile can be ordered by ICCID or by profile type

    @check
    Scenario: DownloadOrder by ICCID for an EID
      Given an available profile in the SM-DP+ inventory
      When the operator calls DownloadOrder for that profile and the eUICC
      Then the SM-DP+ answers Executed-Success
      And the answer carries the ICCID of that profile

    Scenario: DownloadOrder by ICCID without an EID
      Given an available profile in the SM-DP+ inventory
      When the operator calls DownloadOrder for that profile without an EID
      Then the SM-DP+ answers Executed-Success
      And the answer carries the ICCID of that profile

    Scenario: DownloadOrder by profileType
      When the operator calls DownloadOrder for the inventory's profile type and the eUICC
      Then the SM-DP+ answers Executed-Success
      And the answer carries an ICCID the SM-DP+ picked

  Rule: a profile that is in use or unknown cannot be ordered

    @negative
    Scenario: DownloadOrder for an ICCID already in use
      Given the operator has ordered a profile for the eUICC
      When the operator calls DownloadOrder for that profile and the eUICC
      Then the SM-DP+ answers Failed with 8.2.1 / 3.3

    @negative
    Scenario: DownloadOrder for an unknown ICCID
      When the operator calls DownloadOrder for an ICCID unknown to the SM-DP+
      Then the SM-DP+ answers Failed with 8.2.1 / 3.9

  Rule: only the operator's own client certificate is accepted, for every ES2+ function

    # The catalog lists this case under DownloadOrder ("all ES2+ functions"). A refusal may come from
    # the TLS handshake, as HTTP 401/403, or as Failed against the Function Requester (subject 1.1);
    # the same call with the operator's own certificate must then still succeed, so nothing changed.
    @negative
    Scenario Outline: <function> with <certificate> is refused
      Given a profile the operator has <precondition>
      When the operator calls <function> for that profile presenting <certificate>
      Then the SM-DP+ refuses the call as unauthenticated
      And the same call with the operator's own certificate then succeeds

      Examples:
        | description                    | function       | certificate                               | precondition                         |
        | DownloadOrder, untrusted CA    | DownloadOrder  | a client certificate from an untrusted CA | not ordered                          |
        | DownloadOrder, no certificate  | DownloadOrder  | no client certificate                     | not ordered                          |
        | ConfirmOrder, untrusted CA     | ConfirmOrder   | a client certificate from an untrusted CA | ordered for the eUICC                |
        | CancelOrder, untrusted CA      | CancelOrder    | a client certificate from an untrusted CA | ordered for the eUICC                |
        | ReleaseProfile, untrusted CA   | ReleaseProfile | a client certificate from an untrusted CA | confirmed without releasing          |
