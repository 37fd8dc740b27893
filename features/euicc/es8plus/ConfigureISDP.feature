@euicc @es8plus @sgp22-v2 @destructive @TC_eUICC_ES8+.ConfigureISDP
Feature: ES8+.ConfigureISDP
  SGP.23 §4.2.4, ES8+.ConfigureISDP (SGP.22 v2.5 §5.5.2): the first protected segment of the BPP, an encrypted
  and MACed '87' (§2.6.4), creates the ISD-P of the profile; its AID is the one the ProfileInstallationResult
  reports. A refused ConfigureISDP segment ends the installation with errorResult bppCommandId configureISDP
  (§5.7.6, §2.5.6) and leaves no profile behind. The session keys are per curve: every case runs on both.

  Scenario Outline: ConfigureISDP creates the ISD-P the profile lives in (<curve>)
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
  Scenario Outline: A bound profile package <case> is refused (<curve>)
    Given the SM-DP+ injects the fault <fault>
    When the LPA downloads the profile
    Then the profile installation result is an error of configureISDP for <reason>
    And no profile of the download remains on the eUICC

    @nist
    Examples: NIST P-256
      | curve | case                                                 | fault                     | reason               |
      | NIST  | without ConfigureISDP                                | MissingConfigureIsdp      | scp03tStructureError |
      | NIST  | whose ConfigureISDP '87' segment has a corrupted MAC | CorruptedConfigureIsdpMac | scp03tSecurityError  |

    @brp
    Examples: brainpoolP256r1
      | curve | case                                                 | fault                     | reason               |
      | BRP   | without ConfigureISDP                                | MissingConfigureIsdp      | scp03tStructureError |
      | BRP   | whose ConfigureISDP '87' segment has a corrupted MAC | CorruptedConfigureIsdpMac | scp03tSecurityError  |

  @negative
  Scenario Outline: StoreMetadata sent before ConfigureISDP is refused (<curve>)
    Given the SM-DP+ has released a profile for the eUICC
    When the LPA downloads the profile, sending StoreMetadata before ConfigureISDP
    Then the profile installation result is an error for scp03tStructureError
    And no profile of the download remains on the eUICC

    @nist
    Examples: NIST P-256
      | curve |
      | NIST  |

    @brp
    Examples: brainpoolP256r1
      | curve |
      | BRP   |
