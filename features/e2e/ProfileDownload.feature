@smdp @e2e @es9plus @es2plus @sgp22-v2
Feature: ProfileDownload
  A whole profile download (SGP.22 v2.5 §3.1): the operator orders and releases a profile on ES2+
  (§3.1.1), the harness as LPA downloads it into the eUICC over ES9+ and ES10 (§3.1.3), the eUICC
  installs the bound profile package, and the installation notification reaches the SM-DP+ (§3.5). The
  bound profile package is verified with the eUICC's keys on the way (SGP.22 §2.5.4, §2.6.4, §5.5).
  Each way of starting a download is one scenario: activation code (§4.1), default SM-DP+ address
  (§3.1.3, no MatchingID), activation code with confirmation code (§3.1.3.3). Store checks look inside the
  bundled reference SM-DP+ and are @reference-only.

  Rule: a released profile ends up installed on the eUICC and the SM-DP+ learns it

    Scenario Outline: download by activation code
      Given a profile released for the eUICC with a MatchingID
      When the LPA downloads the profile into the eUICC
      Then the bound profile package satisfies every rule of SGP.22 §2.5.4, §2.6.4 and §5.5
      And the eUICC holds the ordered profile, disabled
      And the SM-DP+ answers every HandleNotification with HTTP 204 and no body
      And the eUICC has no pending notification for the SM-DP+ left

      @nist @TC_SM-DP+_ES9+.GetBoundProfilePackageNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.GetBoundProfilePackageBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    Scenario Outline: download by the default SM-DP+ address
      Given a profile released for the eUICC for its default SM-DP+
      When the LPA downloads the profile into the eUICC
      Then the bound profile package satisfies every rule of SGP.22 §2.5.4, §2.6.4 and §5.5
      And the eUICC holds the ordered profile, disabled
      And the SM-DP+ answers every HandleNotification with HTTP 204 and no body

      @nist @TC_SM-DP+_ES9+.GetBoundProfilePackageNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.GetBoundProfilePackageBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    Scenario Outline: download with a confirmation code
      Given a profile released for the eUICC with a MatchingID and a confirmation code
      When the LPA downloads the profile into the eUICC
      Then the bound profile package satisfies every rule of SGP.22 §2.5.4, §2.6.4 and §5.5
      And the eUICC holds the ordered profile, disabled
      And the SM-DP+ answers every HandleNotification with HTTP 204 and no body

      @nist @TC_SM-DP+_ES9+.GetBoundProfilePackageNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.GetBoundProfilePackageBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    @reference-only
    Scenario Outline: the reference SM-DP+ records the installation
      Given a profile released for the eUICC with a MatchingID
      When the LPA downloads the profile into the eUICC
      Then the reference SM-DP+ holds the profile as installed
      And the reference SM-DP+ has stored the install notification of the profile

      @nist @TC_SM-DP+_ES9+_HandleNotificationNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+_HandleNotificationBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |
