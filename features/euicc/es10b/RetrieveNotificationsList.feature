@euicc @es10b @sgp22-v2 @destructive @TC_eUICC_ES10b.RetrieveNotificationsList
Feature: RetrieveNotificationsList
  SGP.23 §4.2.15, ES10b.RetrieveNotificationsList (SGP.22 v2.5 §5.7.10): the eUICC answers its pending
  notifications in full; the ProfileInstallationResult of a download stays pending until the LPA removes it.

  Scenario: RetrieveNotificationsList answers the signed ProfileInstallationResult of a download
    Given the LPA has downloaded a profile from the SM-DP+
    When the LPA retrieves the pending notifications
    Then they hold the profile installation result of the download, signed by the eUICC
