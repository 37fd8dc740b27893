@euicc @es10b @sgp22-v2 @destructive @TC_eUICC_ES10b.ListNotification
Feature: ListNotification
  SGP.23 §4.2.14, ES10b.ListNotification (SGP.22 v2.5 §5.7.9): the eUICC lists the metadata of its pending
  notifications, all of them or only those of the operations the LPA asks for.

  Scenario: ListNotification lists the install notification of a download
    Given the SM-DP+ has released a profile for the eUICC
    When the LPA downloads the profile
    Then the eUICC lists an install notification for the download's profile addressed to the SM-DP+

  Scenario: ListNotification filtered on an operation lists only that operation
    Given the SM-DP+ has released a profile for the eUICC
    When the LPA downloads the profile
    Then ListNotification filtered on install operations holds only notifications of that kind
    And ListNotification filtered on enable operations holds no notification for the download's profile
