@euicc @es10c @sgp22-v2 @TC_eUICC_ES10c.GetProfilesInfo
Feature: GetProfilesInfo
  SGP.23 §4.2.20, ES10c.GetProfilesInfo (SGP.22 v2.5 §5.7.15): the eUICC lists its profiles with the default
  tag list, all of them or those matching a search criterion.

  Scenario: GetProfilesInfo answers a list
    When the LPA asks for the profiles' information
    Then the answer is a list of profiles

  @destructive
  Scenario: GetProfilesInfo lists an installed profile
    Given the eUICC holds an enabled profile
    When the LPA asks for the profiles' information
    Then the answer lists the profile as enabled with its ISD-P AID, names and class

  @destructive
  Scenario: GetProfilesInfo searched by ICCID answers that profile
    Given the eUICC holds a disabled profile
    When the LPA asks for the information of the profile
    Then the answer lists the profile as disabled with its ISD-P AID, names and class

  Scenario: GetProfilesInfo searched by an ICCID the eUICC does not hold answers no profile
    When the LPA asks for the information of an unknown profile
    Then the answer lists no profile
