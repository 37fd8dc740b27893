@euicc @es10c @sgp22-v2 @destructive @TC_eUICC_ES10c.DeleteProfile
Feature: DeleteProfile
  SGP.23 §4.2.23, ES10c.DeleteProfile (SGP.22 v2.5 §5.7.18): the eUICC deletes a disabled profile unless its
  PPR2 forbids it (§2.9.1), and generates the delete notification its notificationConfigurationInfo asks for.

  Scenario: DeleteProfile of a disabled profile
    Given the eUICC holds a disabled profile
    When the LPA deletes the disabled profile
    Then the eUICC answers ok
    And the profile is no longer on the eUICC
    And the eUICC lists a delete notification for the profile addressed to the SM-DP+

  @negative
  Scenario: DeleteProfile of the enabled profile
    Given the eUICC holds an enabled profile
    When the LPA deletes the enabled profile
    Then the eUICC answers profileNotInDisabledState
    And the profile is enabled

  @negative
  Scenario: DeleteProfile of an unknown profile
    When the LPA deletes an unknown profile
    Then the eUICC answers iccidOrAidNotFound

  @negative
  Scenario: DeleteProfile of a disabled profile with PPR2
    Given the eUICC holds a disabled profile with PPR2
    When the LPA deletes the disabled profile
    Then the eUICC answers disallowedByPolicy
    And the profile is disabled
