@smdp @es9plus @sgp22-v2
Feature: HandleNotification
  SGP.23 §4.3.15, ES9+.HandleNotification (SGP.22 v2.5 §5.6.4, §3.5, JSON binding §6.5.2.9): the LPA delivers
  the eUICC's signed notifications, the ProfileInstallationResult of a download and the other signed
  notifications (install, enable, disable, delete) the profile's metadata asks for; the SM-DP+ answers HTTP 204
  with no body whatever it makes of them (§6.5.2.9: no response body), even for a transactionId it does not know.
  The harness plays the LPA and the eUICC (the emulated eUICC of the scenario's curve).

  Rule: the SM-DP+ acknowledges every notification with 204 and no body

    Scenario Outline: ProfileInstallationResult success
      Given a profile released for the eUICC with a MatchingID
      And the profile was downloaded and installed on the eUICC
      When the LPA sends the ProfileInstallationResult to the SM-DP+
      Then the SM-DP+ answers HandleNotification with HTTP 204 and no body

      @nist @TC_SM-DP+_ES9+_HandleNotificationNIST
      Examples: NIST P-256
        | curve |
        | NIST |

      @brp @TC_SM-DP+_ES9+_HandleNotificationBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP |

    Scenario Outline: ProfileInstallationResult with errorReason <errorReason>
      Given the eUICC ends LoadBoundProfilePackage with errorReason <errorReason>
      And a profile released for the eUICC with a MatchingID
      And the download has gone through LoadBoundProfilePackage
      When the LPA sends the ProfileInstallationResult to the SM-DP+
      Then the ProfileInstallationResult sent carries errorReason <errorReason>
      And the SM-DP+ answers HandleNotification with HTTP 204 and no body

      @nist @TC_SM-DP+_ES9+_HandleNotificationNIST
      Examples: NIST P-256
        | curve | errorReason |
        | NIST | incorrectInputValues |
        | NIST | invalidSignature |
        | NIST | invalidTransactionId |
        | NIST | unsupportedCrtValues |
        | NIST | unsupportedRemoteOperationType |
        | NIST | unsupportedProfileClass |
        | NIST | scp03tStructureError |
        | NIST | scp03tSecurityError |
        | NIST | iccidAlreadyExistsOnEuicc |
        | NIST | insufficientMemoryForProfile |
        | NIST | installInterrupted |
        | NIST | peProcessingError |
        | NIST | dataMismatch |
        | NIST | testProfileInstallFailedDueToInvalidNaaKey |
        | NIST | pprNotAllowed |
        | NIST | unknownError |

      @brp @TC_SM-DP+_ES9+_HandleNotificationBRP
      Examples: brainpoolP256r1
        | curve | errorReason |
        | BRP | incorrectInputValues |
        | BRP | invalidSignature |
        | BRP | invalidTransactionId |
        | BRP | unsupportedCrtValues |
        | BRP | unsupportedRemoteOperationType |
        | BRP | unsupportedProfileClass |
        | BRP | scp03tStructureError |
        | BRP | scp03tSecurityError |
        | BRP | iccidAlreadyExistsOnEuicc |
        | BRP | insufficientMemoryForProfile |
        | BRP | installInterrupted |
        | BRP | peProcessingError |
        | BRP | dataMismatch |
        | BRP | testProfileInstallFailedDueToInvalidNaaKey |
        | BRP | pprNotAllowed |
        | BRP | unknownError |

    Scenario Outline: ProfileInstallationResult with an unknown transactionId
      Given a profile released for the eUICC with a MatchingID
      And the profile was downloaded and installed on the eUICC
      When the LPA sends a ProfileInstallationResult signed by the eUICC for an unknown transactionId
      Then the SM-DP+ answers HandleNotification with HTTP 204 and no body

      @nist @TC_SM-DP+_ES9+_HandleNotificationNIST
      Examples: NIST P-256
        | curve |
        | NIST |

      @brp @TC_SM-DP+_ES9+_HandleNotificationBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP |

    Scenario Outline: other signed notification: <operation>
      Given a profile released for the eUICC with a MatchingID
      And the profile was downloaded and installed on the eUICC
      And the LPA has sent the eUICC's pending notifications to the SM-DP+
      And the end user has <operation> the profile
      When the LPA sends the eUICC's pending notifications to the SM-DP+
      Then the SM-DP+ answers every HandleNotification with HTTP 204 and no body
      And the eUICC had a pending <event> notification for the SM-DP+

      @nist @TC_SM-DP+_ES9+_HandleNotificationNIST
      Examples: NIST P-256
        | curve | operation | event |
        | NIST | enabled | enable |
        | NIST | enabled and disabled | disable |
        | NIST | deleted | delete |

      @brp @TC_SM-DP+_ES9+_HandleNotificationBRP
      Examples: brainpoolP256r1
        | curve | operation | event |
        | BRP | enabled | enable |
        | BRP | enabled and disabled | disable |
        | BRP | deleted | delete |

    Scenario Outline: the SM-DP+ answers HTTP 204 with no body
      Given a profile released for the eUICC with a MatchingID
      And the profile was downloaded and installed on the eUICC
      When the LPA sends the eUICC's pending notifications to the SM-DP+
      Then the SM-DP+ answers every HandleNotification with HTTP 204 and no body
      And the eUICC had a pending install notification for the SM-DP+
      And the eUICC has no pending notification for the SM-DP+ left

      @nist @TC_SM-DP+_ES9+_HandleNotificationNIST
      Examples: NIST P-256
        | curve |
        | NIST |

      @brp @TC_SM-DP+_ES9+_HandleNotificationBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP |
