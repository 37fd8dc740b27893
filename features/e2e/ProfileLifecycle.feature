@smdp @e2e @es9plus @es10c @sgp22-v2
Feature: ProfileLifecycle
  After a download, the end user enables, disables and deletes the profile on the eUICC (ES10c, SGP.22 v2.5
  §3.2.1–§3.2.3, §5.7.16–§5.7.18); each operation the profile's metadata lists in notificationConfigurationInfo
  leaves a signed notification (§3.5, §4.4) that the LPA delivers to the SM-DP+ with ES9+.HandleNotification,
  answered 204 with no body. The profiles of the SM-DP+ under test must ask for those notifications (the
  reference SM-DP+'s inventory does); store checks look inside the reference SM-DP+ and are @reference-only.

  Rule: every profile management notification reaches the SM-DP+

    Scenario Outline: enable, disable and delete with their notifications
      Given a profile released for the eUICC with a MatchingID
      And the profile was downloaded and installed on the eUICC
      And the LPA has sent the eUICC's pending notifications to the SM-DP+
      When the end user has <operation> the profile
      And the LPA sends the eUICC's pending notifications to the SM-DP+
      Then the SM-DP+ answers every HandleNotification with HTTP 204 and no body
      And the eUICC had a pending <event> notification for the SM-DP+
      And the eUICC has no pending notification for the SM-DP+ left

      @nist @TC_SM-DP+_ES9+_HandleNotificationNIST
      Examples: NIST P-256
        | curve | operation            | event   |
        | NIST  | enabled              | enable  |
        | NIST  | enabled and disabled | disable |
        | NIST  | deleted              | delete  |

      @brp @TC_SM-DP+_ES9+_HandleNotificationBRP
      Examples: brainpoolP256r1
        | curve | operation            | event   |
        | BRP   | enabled              | enable  |
        | BRP   | enabled and disabled | disable |
        | BRP   | deleted              | delete  |

    @reference-only
    Scenario Outline: the reference SM-DP+ stores the <event> notification
      Given a profile released for the eUICC with a MatchingID
      And the profile was downloaded and installed on the eUICC
      And the LPA has sent the eUICC's pending notifications to the SM-DP+
      When the end user has <operation> the profile
      And the LPA sends the eUICC's pending notifications to the SM-DP+
      Then the reference SM-DP+ has stored the <event> notification of the profile

      @nist @TC_SM-DP+_ES9+_HandleNotificationNIST
      Examples: NIST P-256
        | curve | operation            | event   |
        | NIST  | enabled              | enable  |
        | NIST  | enabled and disabled | disable |
        | NIST  | deleted              | delete  |

      @brp @TC_SM-DP+_ES9+_HandleNotificationBRP
      Examples: brainpoolP256r1
        | curve | operation            | event   |
        | BRP   | enabled              | enable  |
        | BRP   | enabled and disabled | disable |
        | BRP   | deleted              | delete  |
