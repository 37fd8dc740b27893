@euicc @es10b @sgp22-v2 @TC_eUICC_ES10b.LoadCRL
Feature: LoadCRL
  SGP.23 §4.2.17, ES10b.LoadCRL (SGP.22 v2.5 §5.7.12, §4.6): the eUICC verifies a CRL with the key of the CI
  that issued it before it stores it.

  @destructive
  Scenario: LoadCRL stores a CRL of the CI
    When the LPA loads a CRL of the CI
    Then the eUICC answers loadCRLResponseOk

  @negative
  Scenario: LoadCRL of a CRL whose signature does not verify
    When the LPA loads a CRL of the CI signed by another key
    Then the eUICC answers invalidSignature

  @negative
  Scenario: LoadCRL of a CRL of a CI the eUICC does not know
    When the LPA loads a CRL of an unknown CI
    Then the eUICC answers verificationKeyNotFound

  @negative
  Scenario: LoadCRL of bytes that are not a CRL
    When the LPA loads bytes that are not a CRL
    Then the eUICC answers invalidCRLFormat
