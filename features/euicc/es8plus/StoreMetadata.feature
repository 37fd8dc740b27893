@euicc @es8plus @sgp22-v2 @destructive @TC_eUICC_ES8+.StoreMetadata
Feature: ES8+.StoreMetadata
  SGP.23 §4.2.5, ES8+.StoreMetadata (SGP.22 v2.5 §5.5.3): the eUICC stores the profile's metadata as the
  SM-DP+ sent it in MAC-only '88' segments (§2.6.4); the profile package must then carry the ICCID the metadata
  names. An '88' segment whose MAC fails ends the installation with errorResult bppCommandId storeMetadata
  (§5.7.6, §2.5.6). The session keys are per curve: every case runs on both.

  Scenario Outline: StoreMetadata stores the metadata the SM-DP+ sent (<curve>)
    Given the SM-DP+ has released a profile for the eUICC
    When the LPA downloads the profile
    Then the profile installation result is a success
    And the eUICC holds the downloaded profile, disabled, with the metadata the SM-DP+ sent

    @nist
    Examples: NIST P-256
      | curve |
      | NIST  |

    @brp
    Examples: brainpoolP256r1
      | curve |
      | BRP   |

  @negative
  Scenario Outline: A StoreMetadata '88' segment with a corrupted MAC is refused (<curve>)
    Given the SM-DP+ injects the fault CorruptedStoreMetadataMac
    When the LPA downloads the profile
    Then the profile installation result is an error of storeMetadata for scp03tSecurityError
    And no profile of the download remains on the eUICC

    @nist
    Examples: NIST P-256
      | curve |
      | NIST  |

    @brp
    Examples: brainpoolP256r1
      | curve |
      | BRP   |

  @negative
  Scenario Outline: A profile package whose ICCID differs from the metadata's is refused (<curve>)
    Given the SM-DP+ injects the fault IccidMismatchInMetadata
    When the LPA downloads the profile
    Then the profile installation result is an error of loadProfileElements for dataMismatch
    And no profile of the download remains on the eUICC

    @nist
    Examples: NIST P-256
      | curve |
      | NIST  |

    @brp
    Examples: brainpoolP256r1
      | curve |
      | BRP   |
