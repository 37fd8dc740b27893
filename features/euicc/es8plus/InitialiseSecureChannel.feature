@euicc @es8plus @sgp22-v2 @destructive @TC_eUICC_ES8+.InitialiseSecureChannel
Feature: ES8+.InitialiseSecureChannel
  SGP.23 §4.2.3, ES8+.InitialiseSecureChannel (SGP.22 v2.5 §5.5.1) inside LoadBoundProfilePackage (§5.7.6):
  the eUICC checks remoteOpId, the transactionId, smdpSign and the CRT before it derives the session keys. A
  refused BPP ends with the ProfileInstallationResult error of §2.5.6 and leaves no profile behind.

  Scenario: InitialiseSecureChannel opens the secure channel of a nominal download
    Given the SM-DP+ has released a profile for the eUICC
    When the LPA downloads the profile
    Then the profile installation result is a success

  @negative
  Scenario Outline: InitialiseSecureChannel refuses <case>
    Given the SM-DP+ injects the fault <fault>
    When the LPA downloads the profile
    Then the profile installation result is an error of initialiseSecureChannel for <reason>
    And no profile of the download remains on the eUICC

    Examples:
      | case                            | fault                 | reason                         |
      | another transactionId           | WrongTransactionIdInBpp | invalidTransactionId         |
      | an smdpSign that does not verify | InvalidSmdpSignInBpp  | invalidSignature               |
      | an unknown remoteOpId           | UnknownRemoteOpId     | unsupportedRemoteOperationType |
      | an unsupported key type and length in the CRT | UnsupportedCrtValues | unsupportedCrtValues |

  @negative
  Scenario: A second InitialiseSecureChannel in the session is refused
    Given the SM-DP+ has released a profile for the eUICC
    When the LPA downloads the profile, sending InitialiseSecureChannel twice
    Then the profile installation result is an error for scp03tStructureError
    And no profile of the download remains on the eUICC
