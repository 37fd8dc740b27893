@euicc @es10c @sgp22-v2 @destructive @TC_eUICC_ES10c.EnableProfile
Feature: EnableProfile
  SGP.23 §4.2.21, ES10c.EnableProfile (SGP.22 v2.5 §5.7.16): the eUICC enables a disabled profile and
  disables the one enabled before, unless its PPR1 forbids that (§2.9.1), and generates the notifications the
  profiles' notificationConfigurationInfo asks for. Each scenario deletes the profiles it installed.

  Scenario: EnableProfile of a disabled profile
    Given the eUICC holds a disabled profile
    When the LPA enables the disabled profile
    Then the eUICC answers ok
    And the profile is enabled
    And the eUICC lists an enable notification for the profile addressed to the SM-DP+

  Scenario: EnableProfile of another profile disables the enabled one
    Given the eUICC holds an enabled profile
    And the eUICC holds another disabled profile
    When the LPA enables the other profile
    Then the eUICC answers ok
    And the other profile is enabled
    And the profile is disabled
    And the eUICC lists a disable notification for the profile addressed to the SM-DP+

  @negative
  Scenario: EnableProfile of an enabled profile
    Given the eUICC holds an enabled profile
    When the LPA enables the enabled profile
    Then the eUICC answers profileNotInDisabledState

  @negative
  Scenario: EnableProfile of an unknown profile
    When the LPA enables an unknown profile
    Then the eUICC answers iccidOrAidNotFound

  @negative
  Scenario: EnableProfile of another profile while the enabled one has PPR1
    Given the eUICC holds an enabled profile with PPR1
    And the eUICC holds another disabled profile
    When the LPA enables the other profile
    Then the eUICC answers disallowedByPolicy
    And the profile is enabled
