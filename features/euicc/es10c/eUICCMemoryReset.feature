@euicc @es10c @sgp22-v2 @destructive @TC_eUICC_ES10c.eUICCMemoryReset
Feature: eUICCMemoryReset
  SGP.23 §4.2.24, ES10c.eUICCMemoryReset (SGP.22 v2.5 §5.7.19): with deleteOperationalProfiles the eUICC
  deletes every operational profile, whatever its state and PPRs. On a card in a reader this deletes the
  card's other operational profiles too: select it with care.

  Scenario: eUICCMemoryReset deletes the operational profiles
    Given the eUICC holds an enabled profile with PPR1 and PPR2
    When the LPA resets the eUICC memory, deleting operational profiles
    Then the eUICC answers ok
    And the profile is no longer on the eUICC
