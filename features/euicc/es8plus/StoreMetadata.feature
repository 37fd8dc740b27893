@euicc @es8plus @sgp22-v2 @destructive @TC_eUICC_ES8+.StoreMetadata
Feature: ES8+.StoreMetadata
  SGP.23 §4.2.5, ES8+.StoreMetadata (SGP.22 v2.5 §5.5.3): the eUICC stores the profile's metadata as the
  SM-DP+ sent it; the profile package must then carry the ICCID the metadata names.

  Scenario: StoreMetadata stores the metadata the SM-DP+ sent
    Given the SM-DP+ has released a profile for the eUICC
    When the LPA downloads the profile
    Then the profile installation result is a success
    And the eUICC holds the downloaded profile, disabled, with the metadata the SM-DP+ sent

  @negative
  Scenario: A profile package whose ICCID differs from the metadata's is refused
    Given the SM-DP+ injects the fault IccidMismatchInMetadata
    When the LPA downloads the profile
    Then the profile installation result is an error of loadProfileElements for dataMismatch
    And no profile of the download remains on the eUICC
