@euicc @es10c @sgp22-v2 @destructive @TC_eUICC_ES10c.DisableProfile
Feature: DisableProfile
  SGP.23 §4.2.22, ES10c.DisableProfile (SGP.22 v2.5 §5.7.17): the eUICC disables the enabled profile unless
  its PPR1 forbids it (§2.9.1), and generates the disable notification its notificationConfigurationInfo asks
  for. Each scenario deletes the profiles it installed.

  Scenario: DisableProfile of the enabled profile
    Given the eUICC holds an enabled profile
    When the LPA disables the enabled profile
    Then the eUICC answers ok
    And the profile is disabled
    And the eUICC lists a disable notification for the profile addressed to the SM-DP+

  @negative
  Scenario: DisableProfile of a disabled profile
    Given the eUICC holds a disabled profile
    When the LPA disables the disabled profile
    Then the eUICC answers profileNotInEnabledState

  @negative
  Scenario: DisableProfile of an unknown profile
    When the LPA disables an unknown profile
    Then the eUICC answers iccidOrAidNotFound

  @negative
  Scenario: DisableProfile of an enabled profile with PPR1
    Given the eUICC holds an enabled profile with PPR1
    When the LPA disables the enabled profile
    Then the eUICC answers disallowedByPolicy
    And the profile is enabled
