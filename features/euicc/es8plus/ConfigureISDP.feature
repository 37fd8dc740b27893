@euicc @es8plus @sgp22-v2 @destructive @TC_eUICC_ES8+.ConfigureISDP
Feature: ES8+.ConfigureISDP
  SGP.23 §4.2.4, ES8+.ConfigureISDP (SGP.22 v2.5 §5.5.2): the first protected segment of the BPP creates the
  ISD-P of the profile; its AID is the one the ProfileInstallationResult reports.

  Scenario: ConfigureISDP creates the ISD-P the profile lives in
    Given the SM-DP+ has released a profile for the eUICC
    When the LPA downloads the profile
    Then the profile installation result is a success
    And the eUICC holds the downloaded profile, disabled, with the metadata the SM-DP+ sent

  @negative
  Scenario: A bound profile package without ConfigureISDP is refused
    Given the SM-DP+ injects the fault MissingConfigureIsdp
    When the LPA downloads the profile
    Then the profile installation result is an error of configureISDP for scp03tStructureError
    And no profile of the download remains on the eUICC

  @negative
  Scenario: StoreMetadata sent before ConfigureISDP is refused
    Given the SM-DP+ has released a profile for the eUICC
    When the LPA downloads the profile, sending StoreMetadata before ConfigureISDP
    Then the profile installation result is an error for scp03tStructureError
    And no profile of the download remains on the eUICC
