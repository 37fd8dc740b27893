@euicc @es10b @sgp22-v2 @destructive @TC_eUICC_ES10b.LoadBoundProfilePackage
Feature: LoadBoundProfilePackage
  SGP.23 §4.2.11, ES10b.LoadBoundProfilePackage (SGP.22 v2.5 §5.7.6, transfer §2.5.5): the eUICC installs the
  bound profile package the LPA relays in STORE DATA sequences and answers a signed ProfileInstallationResult.
  A segment of any kind whose MAC fails (§2.6.4) ends the installation with an errorResult naming the ES8+
  command that segment carried and scp03tSecurityError (§5.7.6, §2.5.6), and nothing of the profile remains.
  Each scenario deletes the profile it installed; every case runs on both curves.

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

  Scenario Outline: LoadBoundProfilePackage installs a profile protected with profile protection keys (<curve>)
    Given the SM-DP+ protects profiles with profile protection keys
    And the SM-DP+ has released a profile for the eUICC
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
  Scenario Outline: LoadBoundProfilePackage refuses a bound profile package with <case> (<curve>)
    Given the SM-DP+ injects the fault <fault>
    When the LPA downloads the profile
    Then the profile installation result is an error of <command> for scp03tSecurityError
    And the profile installation result is signed by the eUICC
    And no profile of the download remains on the eUICC

    @nist
    Examples: NIST P-256
      | curve | case                                     | fault                     | command             |
      | NIST  | a corrupted '87' ConfigureISDP segment   | CorruptedConfigureIsdpMac | configureISDP       |
      | NIST  | a corrupted '88' StoreMetadata segment   | CorruptedStoreMetadataMac | storeMetadata       |
      | NIST  | a corrupted '86' profile element segment | CorruptedBppMac           | loadProfileElements |

    @brp
    Examples: brainpoolP256r1
      | curve | case                                     | fault                     | command             |
      | BRP   | a corrupted '87' ConfigureISDP segment   | CorruptedConfigureIsdpMac | configureISDP       |
      | BRP   | a corrupted '88' StoreMetadata segment   | CorruptedStoreMetadataMac | storeMetadata       |
      | BRP   | a corrupted '86' profile element segment | CorruptedBppMac           | loadProfileElements |

  @negative
  Scenario Outline: LoadBoundProfilePackage refuses a bound profile package with a corrupted '87' ReplaceSessionKeys segment (<curve>)
    Given the SM-DP+ protects profiles with profile protection keys
    And the SM-DP+ injects the fault CorruptedReplaceSessionKeysMac
    When the LPA downloads the profile
    Then the profile installation result is an error of replaceSessionKeys for scp03tSecurityError
    And the profile installation result is signed by the eUICC
    And no profile of the download remains on the eUICC

    @nist
    Examples: NIST P-256
      | curve |
      | NIST  |

    @brp
    Examples: brainpoolP256r1
      | curve |
      | BRP   |
