@euicc @es8plus @sgp22-v2 @destructive @TC_eUICC_ES8+.ReplaceSessionKeys
Feature: ES8+.ReplaceSessionKeys
  SGP.23 §4.2.6, ES8+.ReplaceSessionKeys (SGP.22 v2.5 §5.5.4): with profile protection keys the profile
  segments are protected with the PPK the BPP delivers, and a segment whose MAC fails under them is refused.

  Scenario: The profile protected with profile protection keys installs
    Given the SM-DP+ protects profiles with profile protection keys
    And the SM-DP+ has released a profile for the eUICC
    When the LPA downloads the profile
    Then the profile installation result is a success

  @negative
  Scenario: A segment with a bad MAC under the profile protection keys is refused
    Given the SM-DP+ protects profiles with profile protection keys
    And the SM-DP+ injects the fault CorruptedBppMac
    When the LPA downloads the profile
    Then the profile installation result is an error of loadProfileElements for scp03tSecurityError
    And no profile of the download remains on the eUICC
