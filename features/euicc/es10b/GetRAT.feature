@euicc @es10b @sgp22-v2 @TC_eUICC_ES10b.GetRAT
Feature: GetRAT
  ES10b.GetRAT (SGP.22 v2.5 §5.7.22, RAT §2.9.2.1): the eUICC answers its Rules Authorisation Table.

  Scenario: GetRAT answers well-formed rules
    When the LPA asks for the Rules Authorisation Table
    Then every rule names PPRs and at least one allowed operator
