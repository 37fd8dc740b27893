@euicc @es10c @sgp22-v2 @TC_eUICC_ES10c.GetEID
Feature: GetEID
  ES10c.GetEID (SGP.22 v2.5 §5.7.20): the eUICC answers its EID, the one its CERT.EUICC.ECDSA carries.

  Scenario: GetEID answers the EID of the eUICC's certificate
    When the LPA asks for the EID
    Then the EID is 32 digits with valid check digits
    And it is the EID of the CERT.EUICC.ECDSA the eUICC presents
