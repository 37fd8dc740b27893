@euicc @es10c @sgp22-v2 @TC_eUICC_ES10c.SetNickname
Feature: SetNickname
  ES10c.SetNickname (SGP.22 v2.5 §5.7.21): the eUICC stores the end user's nickname of a profile;
  iccidNotFound(1) for a profile it does not hold.

  @destructive
  Scenario: SetNickname of an installed profile
    Given the eUICC holds a disabled profile
    When the LPA sets the nickname of the profile to "Travel line"
    Then the eUICC answers ok
    And the profile's nickname is "Travel line"

  @negative
  Scenario: SetNickname of an unknown profile
    When the LPA sets the nickname of an unknown profile to "Nobody"
    Then the eUICC answers iccidNotFound
