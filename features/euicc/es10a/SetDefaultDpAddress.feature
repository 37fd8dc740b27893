@euicc @es10a @sgp22-v2 @destructive @TC_eUICC_ES10a.SetDefaultDpAddress
Feature: SetDefaultDpAddress
  SGP.23 §4.2.9, ES10a.SetDefaultDpAddress (SGP.22 v2.5 §5.7.4): "The eUICC SHALL replace the default SM-DP+
  address with the new value"; an empty value removes it. Each scenario restores the address the card had.

  Scenario: SetDefaultDpAddress replaces the default SM-DP+ address
    When the LPA sets the default SM-DP+ address to "new.smdp.example.com"
    Then the eUICC answers ok
    And the configured addresses hold the default SM-DP+ address "new.smdp.example.com"

  Scenario: SetDefaultDpAddress replaces an address set before
    Given the default SM-DP+ address is "first.smdp.example.com"
    When the LPA sets the default SM-DP+ address to "second.smdp.example.com:8443"
    Then the eUICC answers ok
    And the configured addresses hold the default SM-DP+ address "second.smdp.example.com:8443"

  Scenario: SetDefaultDpAddress with an empty address removes the default SM-DP+ address
    Given the default SM-DP+ address is "removed.smdp.example.com"
    When the LPA sets the default SM-DP+ address to ""
    Then the eUICC answers ok
    And the configured addresses hold no default SM-DP+ address
