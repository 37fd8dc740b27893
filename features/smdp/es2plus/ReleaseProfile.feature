@smdp @es2plus @sgp22-v2 @TC_SM-DP+_ES2+.ReleaseProfile
Feature: ReleaseProfile
  SGP.23 §4.3.4, ES2+.ReleaseProfile (SGP.22 v2.5 §5.3.4, JSON binding §6.5.2.4): the operator
  releases a profile whose order was confirmed with releaseFlag false, making it downloadable.

  Scenario: ReleaseProfile of a confirmed order
    Given the operator has ordered a profile for the eUICC
    And the operator has confirmed that order without releasing the profile
    When the operator calls ReleaseProfile for that profile
    Then the SM-DP+ answers Executed-Success

  @negative
  Scenario: ReleaseProfile for an unknown ICCID
    When the operator calls ReleaseProfile for an ICCID unknown to the SM-DP+
    Then the SM-DP+ answers Failed with 8.2.1 / 3.9
