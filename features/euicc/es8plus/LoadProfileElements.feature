@euicc @es8plus @sgp22-v2 @destructive @TC_eUICC_ES8+.LoadProfileElements
Feature: ES8+.LoadProfileElements
  SGP.23 §4.2.7, ES8+.LoadProfileElements (SGP.22 v2.5 §5.5.5): the profile package arrives in '86' segments
  of at most 1020 bytes, each MACed in sequence (§2.6.4); a segment that is corrupted, too long, repeated or
  out of order is refused with the errorReason of §2.5.6 and nothing of the profile remains. The session keys
  are per curve: every case runs on both.

  Scenario Outline: The profile elements install (<curve>)
    Given the SM-DP+ has released a profile for the eUICC
    When the LPA downloads the profile
    Then the profile installation result is a success

    @nist
    Examples: NIST P-256
      | curve |
      | NIST  |

    @brp
    Examples: brainpoolP256r1
      | curve |
      | BRP   |

  @negative
  Scenario Outline: LoadProfileElements refuses <case> (<curve>)
    Given the SM-DP+ injects the fault <fault>
    When the LPA downloads the profile
    Then the profile installation result is an error of loadProfileElements for <reason>
    And no profile of the download remains on the eUICC

    @nist
    Examples: NIST P-256
      | curve | case                                 | fault                | reason               |
      | NIST  | an '86' segment with a corrupted MAC | CorruptedBppMac      | scp03tSecurityError  |
      | NIST  | a segment over 1020 bytes            | OversizedBppSegment  | scp03tStructureError |
      | NIST  | segments out of order                | ReorderedBppSegments | scp03tSecurityError  |
      | NIST  | a repeated segment                   | RepeatedBppSegment   | scp03tSecurityError  |

    @brp
    Examples: brainpoolP256r1
      | curve | case                                 | fault                | reason               |
      | BRP   | an '86' segment with a corrupted MAC | CorruptedBppMac      | scp03tSecurityError  |
      | BRP   | a segment over 1020 bytes            | OversizedBppSegment  | scp03tStructureError |
      | BRP   | segments out of order                | ReorderedBppSegments | scp03tSecurityError  |
      | BRP   | a repeated segment                   | RepeatedBppSegment   | scp03tSecurityError  |
