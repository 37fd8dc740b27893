@euicc @es10a @sgp22-v2 @TC_eUICC_ES10a.GetEuiccConfiguredAddresses
Feature: GetEuiccConfiguredAddresses
  SGP.23 §4.2.8, ES10a.GetEuiccConfiguredAddresses (SGP.22 v2.5 §5.7.3): the eUICC answers its root SM-DS
  address and, when it holds one, its default SM-DP+ address.

  Scenario: GetEuiccConfiguredAddresses answers the root SM-DS address
    When the LPA asks for the configured addresses
    Then the answer has a root SM-DS address that is an FQDN

  @destructive
  Scenario: GetEuiccConfiguredAddresses answers the default SM-DP+ address that was set
    Given the default SM-DP+ address is "configured.smdp.example.com"
    When the LPA asks for the configured addresses
    Then the configured addresses hold the default SM-DP+ address "configured.smdp.example.com"
