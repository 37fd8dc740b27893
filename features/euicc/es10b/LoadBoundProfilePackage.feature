@euicc @es10b @sgp22-v2 @destructive @TC_eUICC_ES10b.LoadBoundProfilePackage
Feature: LoadBoundProfilePackage
  SGP.23 §4.2.11, ES10b.LoadBoundProfilePackage (SGP.22 v2.5 §5.7.6, transfer §2.5.5): the eUICC installs the
  bound profile package the LPA relays in STORE DATA sequences and answers a signed ProfileInstallationResult.
  Each scenario deletes the profile it installed.

  Scenario Outline: LoadBoundProfilePackage installs the profile (<curve>)
    Given the SM-DP+ has released a profile for the eUICC
    When the LPA downloads the profile
    Then the profile installation result is a success
    And the profile installation result is signed by the eUICC
    And the eUICC holds the downloaded profile, disabled, with the metadata the SM-DP+ sent
    And the eUICC lists an install notification for the download's profile addressed to the SM-DP+

    @nist
    Examples: NIST P-256
      | curve |
      | NIST  |

    @brp
    Examples: brainpoolP256r1
      | curve |
      | BRP   |

  Scenario: LoadBoundProfilePackage installs a profile protected with profile protection keys
    Given the SM-DP+ protects profiles with profile protection keys
    And the SM-DP+ has released a profile for the eUICC
    When the LPA downloads the profile
    Then the profile installation result is a success
    And the eUICC holds the downloaded profile, disabled, with the metadata the SM-DP+ sent
