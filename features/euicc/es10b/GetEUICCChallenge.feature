@euicc @es10b @sgp22-v2 @TC_eUICC_ES10b.GetEUICCChallenge
Feature: GetEUICCChallenge
  SGP.23 §4.2.12, ES10b.GetEUICCChallenge (SGP.22 v2.5 §5.7.7): the eUICC generates a fresh random 16-byte
  euiccChallenge for each RSP session.

  Scenario: Each GetEUICCChallenge answers a new 16-byte challenge
    When the LPA asks for an eUICC challenge twice
    Then each challenge is 16 bytes and the two differ
