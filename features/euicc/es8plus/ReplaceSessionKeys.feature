@euicc @es8plus @sgp22-v2 @destructive @TC_eUICC_ES8+.ReplaceSessionKeys
Feature: ES8+.ReplaceSessionKeys
  SGP.23 §4.2.6, ES8+.ReplaceSessionKeys (SGP.22 v2.5 §5.5.4): with profile protection keys the BPP delivers
  the PPKs in the encrypted and MACed '87' of secondSequenceOf87, and the profile segments are protected with
  them. An '87' ReplaceSessionKeys segment whose MAC fails ends the installation with errorResult bppCommandId
  replaceSessionKeys, a profile segment whose MAC fails under the PPKs with loadProfileElements (§5.7.6,
  §2.5.6). The session keys are per curve: every case runs on both.

  Scenario Outline: The profile protected with profile protection keys installs (<curve>)
    Given the SM-DP+ protects profiles with profile protection keys
    And the SM-DP+ has released a profile for the eUICC
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
  Scenario Outline: <case> is refused (<curve>)
    Given the SM-DP+ protects profiles with profile protection keys
    And the SM-DP+ injects the fault <fault>
    When the LPA downloads the profile
    Then the profile installation result is an error of <command> for scp03tSecurityError
    And no profile of the download remains on the eUICC

    @nist
    Examples: NIST P-256
      | curve | case                                                       | fault                          | command             |
      | NIST  | A ReplaceSessionKeys '87' segment with a corrupted MAC     | CorruptedReplaceSessionKeysMac | replaceSessionKeys  |
      | NIST  | A segment with a bad MAC under the profile protection keys | CorruptedBppMac                | loadProfileElements |

    @brp
    Examples: brainpoolP256r1
      | curve | case                                                       | fault                          | command             |
      | BRP   | A ReplaceSessionKeys '87' segment with a corrupted MAC     | CorruptedReplaceSessionKeysMac | replaceSessionKeys  |
      | BRP   | A segment with a bad MAC under the profile protection keys | CorruptedBppMac                | loadProfileElements |
