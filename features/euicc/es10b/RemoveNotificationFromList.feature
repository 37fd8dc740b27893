@euicc @es10b @sgp22-v2 @destructive @TC_eUICC_ES10b.RemoveNotificationFromList
Feature: RemoveNotificationFromList
  SGP.23 §4.2.16, ES10b.RemoveNotificationFromList (SGP.22 v2.5 §5.7.11): the eUICC deletes the notification
  with the given seqNumber; nothingToDelete(1) when it holds none.

  Scenario: RemoveNotificationFromList deletes a pending notification
    Given the LPA has downloaded a profile from the SM-DP+
    When the LPA removes the install notification of the download's profile
    Then the eUICC answers ok
    And the eUICC no longer lists that notification

  @negative
  Scenario: RemoveNotificationFromList of a notification already removed
    Given the LPA has downloaded a profile from the SM-DP+
    And the LPA has removed the install notification of the download's profile
    When the LPA removes the install notification of the download's profile again
    Then the eUICC answers nothingToDelete
