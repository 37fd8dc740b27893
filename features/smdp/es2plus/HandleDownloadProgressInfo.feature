@smdp @es2plus @sgp22-v2 @TC_SM-DP+_ES2+.HandleDownloadProgressInfo @reference-only
Feature: HandleDownloadProgressInfo
  SGP.23 §4.3.5, ES2+.HandleDownloadProgressInfo (SGP.22 v2.5 §5.3.5, JSON binding §6.5.2.5): the
  SM-DP+ tells the operator how the download of an ordered profile goes; the operator's endpoint
  (WireMock, played by the harness) answers 204.

  Tagged @reference-only because the download is a stand-in until the ES9+ drivers land: it moves the
  profile's state inside the bundled reference SM-DP+. With the ES9+ drivers the same scenarios run a
  real download and the tag goes.

  Scenario: the operator is told of the download and the installation
    Given the operator has ordered a profile for the eUICC
    And the operator has confirmed that order and released the profile
    When the eUICC downloads and installs that profile
    Then the operator receives HandleDownloadProgressInfo with notificationPointId 3 and status Executed-Success
    And the operator receives HandleDownloadProgressInfo with notificationPointId 4 and status Executed-Success
    And every HandleDownloadProgressInfo names the profile, the eUICC and the time in the binding's format

  @negative
  Scenario: the operator is told of a failed download
    Given the operator has ordered a profile for the eUICC
    And the operator has confirmed that order and released the profile
    When the download of that profile fails
    Then the operator receives HandleDownloadProgressInfo with notificationPointId 3 and status Failed
