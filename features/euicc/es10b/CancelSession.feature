@euicc @es10b @sgp22-v2 @TC_eUICC_ES10b.CancelSession
Feature: CancelSession
  SGP.23 §4.2.19, ES10b.CancelSession (SGP.22 v2.5 §5.7.14): during an RSP session the LPA cancels it; the
  eUICC signs the cancellation for the SM-DP+ and drops the session.

  Scenario: CancelSession after AuthenticateServer answers a signed cancellation
    Given the LPA has authenticated the SM-DP+ to the eUICC
    When the LPA cancels the session on the eUICC with reason endUserRejection
    Then the eUICC answers cancelSessionResponseOk
    And the cancellation is signed by the eUICC for the session's transactionId

  @negative
  Scenario: PrepareDownload after CancelSession finds no session
    Given the LPA has authenticated the SM-DP+ to the eUICC
    And the LPA has cancelled the session on the eUICC with reason postponed
    When the LPA prepares the download
    Then the eUICC answers noSessionContext

  @negative
  Scenario: CancelSession with a transactionId of no session
    Given the LPA has authenticated the SM-DP+ to the eUICC
    When the LPA cancels a session with another transactionId
    Then the eUICC answers invalidTransactionId
