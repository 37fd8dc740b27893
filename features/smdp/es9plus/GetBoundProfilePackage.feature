@smdp @es9plus @sgp22-v2
Feature: GetBoundProfilePackage
  SGP.23 §4.3.13, ES9+.GetBoundProfilePackage (SGP.22 v2.5 §5.6.2, §3.1.3.2, JSON binding §6.5.2.7): the LPA
  forwards the eUICC's PrepareDownloadResponse; the SM-DP+ verifies euiccSignature2 and the confirmation code,
  then binds the profile to the eUICC's one-time key and answers the bound profile package. The harness plays
  the LPA and the eUICC (the emulated eUICC of the scenario's curve) and checks the package as the eUICC does,
  with its own keys: every rule of SGP.22 §2.5.4, §2.6.4 and §5.5 (structure, InitialiseSecureChannel,
  ConfigureISDP, StoreMetadata equal to profileMetadata, ReplaceSessionKeys, '86' segments of at most 1020
  bytes, MAC chaining and block counter, the ordered profile). The report attaches the verification.

  Numbers are those of the open TTCN-3 SGP.23 suite (osmo-ttcn3-hacks smdpp/) where it numbers a case; the catalog
  lists the cases without numbers. Decisions: #04 does not pin a status code (SGP.22 v2.5 §5.6.2 lists none for a
  PrepareDownloadResponse carrying downloadErrorCode; the TTCN-3 case accepts any Failed), it asserts Failed and that
  the RSP session is gone. A retry is a new RSP session after a bound package that was not installed (§3.1.3.2): the
  SM-DP+ reuses otSK.DP.ECKA only for the otPK.EUICC.ECKA of that binding and binds anew for any other one, with
  S-ENC/S-MAC or with PPKs, with or without a confirmation code (asked again in every session, hashCc covers the
  transactionId). A second GetBoundProfilePackage of one session with another otPK.EUICC.ECKA (TTCN-3 "retry with a
  different otPK") is bound anew too. The refusal of a new binding (8.2 / 3.7) is the SM-DP+'s choice; the reference
  rebinds.

  Rule: the SM-DP+ binds the ordered profile to the eUICC

    Scenario Outline: nominal with S-ENC/S-MAC without confirmation code
      Given a profile released for the eUICC with a MatchingID
      And the download has gone through PrepareDownload
      When the LPA calls GetBoundProfilePackage
      Then the SM-DP+ answers Executed-Success
      And the bound profile package satisfies every rule of SGP.22 §2.5.4, §2.6.4 and §5.5
      And the bound profile package protects the profile with S-ENC and S-MAC
      And the eUICC installs the bound profile package

      @nist @TC_SM-DP+_ES9+.GetBoundProfilePackageNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.GetBoundProfilePackageBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    Scenario Outline: nominal with S-ENC/S-MAC with confirmation code
      Given a profile released for the eUICC with a MatchingID and a confirmation code
      And the download has gone through PrepareDownload
      When the LPA calls GetBoundProfilePackage
      Then the SM-DP+ answers Executed-Success
      And the bound profile package satisfies every rule of SGP.22 §2.5.4, §2.6.4 and §5.5
      And the bound profile package protects the profile with S-ENC and S-MAC
      And the eUICC installs the bound profile package

      @nist @TC_SM-DP+_ES9+.GetBoundProfilePackageNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.GetBoundProfilePackageBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    @option-ppk
    Scenario Outline: nominal with PPK-ENC/PPK-MAC without confirmation code
      Given a profile released for the eUICC with a MatchingID by an SM-DP+ that binds with PPK-ENC and PPK-MAC
      And the download has gone through PrepareDownload
      When the LPA calls GetBoundProfilePackage
      Then the SM-DP+ answers Executed-Success
      And the bound profile package satisfies every rule of SGP.22 §2.5.4, §2.6.4 and §5.5
      And the bound profile package protects the profile with PPK-ENC and PPK-MAC
      And the eUICC installs the bound profile package

      @nist @TC_SM-DP+_ES9+.GetBoundProfilePackageNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.GetBoundProfilePackageBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    @option-ppk
    Scenario Outline: nominal with PPK-ENC/PPK-MAC with confirmation code
      Given a profile released for the eUICC with a MatchingID and a confirmation code by an SM-DP+ that binds with PPK-ENC and PPK-MAC
      And the download has gone through PrepareDownload
      When the LPA calls GetBoundProfilePackage
      Then the SM-DP+ answers Executed-Success
      And the bound profile package satisfies every rule of SGP.22 §2.5.4, §2.6.4 and §5.5
      And the bound profile package protects the profile with PPK-ENC and PPK-MAC
      And the eUICC installs the bound profile package

      @nist @TC_SM-DP+_ES9+.GetBoundProfilePackageNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.GetBoundProfilePackageBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    @option-metadata-split
    Scenario Outline: metadata split over two '88' segments
      Given a profile released for the eUICC with a MatchingID by an SM-DP+ that splits the metadata over '88' segments
      And the download has gone through PrepareDownload
      When the LPA calls GetBoundProfilePackage
      Then the SM-DP+ answers Executed-Success
      And the bound profile package satisfies every rule of SGP.22 §2.5.4, §2.6.4 and §5.5
      And the bound profile package carries StoreMetadata in at least 2 '88' segments
      And the eUICC installs the bound profile package

      @nist @TC_SM-DP+_ES9+.GetBoundProfilePackageNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.GetBoundProfilePackageBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    @option-ppk @option-metadata-split
    Scenario Outline: metadata split over two '88' segments with PPK-ENC/PPK-MAC
      Given a profile released for the eUICC with a MatchingID by an SM-DP+ that binds with PPK-ENC and PPK-MAC and splits the metadata over '88' segments
      And the download has gone through PrepareDownload
      When the LPA calls GetBoundProfilePackage
      Then the SM-DP+ answers Executed-Success
      And the bound profile package satisfies every rule of SGP.22 §2.5.4, §2.6.4 and §5.5
      And the bound profile package carries StoreMetadata in at least 2 '88' segments
      And the bound profile package protects the profile with PPK-ENC and PPK-MAC
      And the eUICC installs the bound profile package

      @nist @TC_SM-DP+_ES9+.GetBoundProfilePackageNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.GetBoundProfilePackageBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

  Rule: a retry after a failed installation is bound again (SGP.22 §3.1.3.1, §5.6.2)

    Scenario Outline: retry reusing the eUICC one-time key (otPK.EUICC.ECKA)
      Given a profile released for the eUICC with a MatchingID
      And a bound profile package was delivered for it and not installed
      And the LPA starts the download again with the same activation code
      And the download has gone through PrepareDownload
      When the LPA calls GetBoundProfilePackage
      Then the SM-DP+ answers Executed-Success
      And the eUICC offered the same one-time key as in the first binding
      And the bound profile package carries the same otPK.DP.ECKA as the first binding
      And the bound profile package satisfies every rule of SGP.22 §2.5.4, §2.6.4 and §5.5
      And the eUICC installs the bound profile package

      @nist @TC_SM-DP+_ES9+.GetBoundProfilePackageNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.GetBoundProfilePackageBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    Scenario Outline: retry with a different eUICC one-time key
      Given the eUICC generates a new one-time key for every PrepareDownload
      And a profile released for the eUICC with a MatchingID
      And a bound profile package was delivered for it and not installed
      And the LPA starts the download again with the same activation code
      And the download has gone through PrepareDownload
      When the LPA calls GetBoundProfilePackage
      Then the SM-DP+ answers Executed-Success
      And the eUICC offered another one-time key than in the first binding
      And the bound profile package carries another otPK.DP.ECKA than the first binding
      And the bound profile package satisfies every rule of SGP.22 §2.5.4, §2.6.4 and §5.5
      And the eUICC installs the bound profile package

      @nist @TC_SM-DP+_ES9+.GetBoundProfilePackageNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.GetBoundProfilePackageBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    Scenario Outline: retry reusing the eUICC one-time key with confirmation code
      Given a profile released for the eUICC with a MatchingID and a confirmation code
      And a bound profile package was delivered for it and not installed
      And the LPA starts the download again with the same activation code
      And the download has gone through PrepareDownload
      When the LPA calls GetBoundProfilePackage
      Then the SM-DP+ answers Executed-Success
      And the eUICC offered the same one-time key as in the first binding
      And the bound profile package carries the same otPK.DP.ECKA as the first binding
      And the bound profile package satisfies every rule of SGP.22 §2.5.4, §2.6.4 and §5.5
      And the eUICC installs the bound profile package

      @nist @TC_SM-DP+_ES9+.GetBoundProfilePackageNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.GetBoundProfilePackageBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    @option-ppk
    Scenario Outline: retry reusing the eUICC one-time key with PPK-ENC/PPK-MAC
      Given a profile released for the eUICC with a MatchingID by an SM-DP+ that binds with PPK-ENC and PPK-MAC
      And a bound profile package was delivered for it and not installed
      And the LPA starts the download again with the same activation code
      And the download has gone through PrepareDownload
      When the LPA calls GetBoundProfilePackage
      Then the SM-DP+ answers Executed-Success
      And the eUICC offered the same one-time key as in the first binding
      And the bound profile package carries the same otPK.DP.ECKA as the first binding
      And the bound profile package satisfies every rule of SGP.22 §2.5.4, §2.6.4 and §5.5
      And the bound profile package protects the profile with PPK-ENC and PPK-MAC
      And the eUICC installs the bound profile package

      @nist @TC_SM-DP+_ES9+.GetBoundProfilePackageNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.GetBoundProfilePackageBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    @option-ppk
    Scenario Outline: retry reusing the eUICC one-time key with PPK-ENC/PPK-MAC and confirmation code
      Given a profile released for the eUICC with a MatchingID and a confirmation code by an SM-DP+ that binds with PPK-ENC and PPK-MAC
      And a bound profile package was delivered for it and not installed
      And the LPA starts the download again with the same activation code
      And the download has gone through PrepareDownload
      When the LPA calls GetBoundProfilePackage
      Then the SM-DP+ answers Executed-Success
      And the eUICC offered the same one-time key as in the first binding
      And the bound profile package carries the same otPK.DP.ECKA as the first binding
      And the bound profile package satisfies every rule of SGP.22 §2.5.4, §2.6.4 and §5.5
      And the bound profile package protects the profile with PPK-ENC and PPK-MAC
      And the eUICC installs the bound profile package

      @nist @TC_SM-DP+_ES9+.GetBoundProfilePackageNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.GetBoundProfilePackageBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    Scenario Outline: retry with a different eUICC one-time key with confirmation code
      Given the eUICC generates a new one-time key for every PrepareDownload
      And a profile released for the eUICC with a MatchingID and a confirmation code
      And a bound profile package was delivered for it and not installed
      And the LPA starts the download again with the same activation code
      And the download has gone through PrepareDownload
      When the LPA calls GetBoundProfilePackage
      Then the SM-DP+ answers Executed-Success
      And the eUICC offered another one-time key than in the first binding
      And the bound profile package carries another otPK.DP.ECKA than the first binding
      And the bound profile package satisfies every rule of SGP.22 §2.5.4, §2.6.4 and §5.5
      And the eUICC installs the bound profile package

      @nist @TC_SM-DP+_ES9+.GetBoundProfilePackageNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.GetBoundProfilePackageBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    @option-ppk
    Scenario Outline: retry with a different eUICC one-time key with PPK-ENC/PPK-MAC
      Given the eUICC generates a new one-time key for every PrepareDownload
      And a profile released for the eUICC with a MatchingID by an SM-DP+ that binds with PPK-ENC and PPK-MAC
      And a bound profile package was delivered for it and not installed
      And the LPA starts the download again with the same activation code
      And the download has gone through PrepareDownload
      When the LPA calls GetBoundProfilePackage
      Then the SM-DP+ answers Executed-Success
      And the eUICC offered another one-time key than in the first binding
      And the bound profile package carries another otPK.DP.ECKA than the first binding
      And the bound profile package satisfies every rule of SGP.22 §2.5.4, §2.6.4 and §5.5
      And the bound profile package protects the profile with PPK-ENC and PPK-MAC
      And the eUICC installs the bound profile package

      @nist @TC_SM-DP+_ES9+.GetBoundProfilePackageNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.GetBoundProfilePackageBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    @option-ppk
    Scenario Outline: retry with a different eUICC one-time key with PPK-ENC/PPK-MAC and confirmation code
      Given the eUICC generates a new one-time key for every PrepareDownload
      And a profile released for the eUICC with a MatchingID and a confirmation code by an SM-DP+ that binds with PPK-ENC and PPK-MAC
      And a bound profile package was delivered for it and not installed
      And the LPA starts the download again with the same activation code
      And the download has gone through PrepareDownload
      When the LPA calls GetBoundProfilePackage
      Then the SM-DP+ answers Executed-Success
      And the eUICC offered another one-time key than in the first binding
      And the bound profile package carries another otPK.DP.ECKA than the first binding
      And the bound profile package satisfies every rule of SGP.22 §2.5.4, §2.6.4 and §5.5
      And the bound profile package protects the profile with PPK-ENC and PPK-MAC
      And the eUICC installs the bound profile package

      @nist @TC_SM-DP+_ES9+.GetBoundProfilePackageNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.GetBoundProfilePackageBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    Scenario Outline: a second GetBoundProfilePackage of the session with another eUICC one-time key is bound anew
      Given a profile released for the eUICC with a MatchingID
      And a bound profile package was delivered for it and not installed
      When the LPA calls GetBoundProfilePackage again in the same RSP session with euiccSigned2 signed by the eUICC over a new one-time key
      Then the SM-DP+ answers Executed-Success
      And the bound profile package carries another otPK.DP.ECKA than the first binding
      And the bound profile package satisfies every rule of SGP.22 §2.5.4, §2.6.4 and §5.5

      @nist @TC_SM-DP+_ES9+.GetBoundProfilePackageNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.GetBoundProfilePackageBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

  Rule: a refused confirmation code leaves the RSP session open for the right one, within the retry limit (SGP.22 §5.6.2)

    Scenario Outline: a wrong confirmation code, then the right one within the retry limit
      Given a profile released for the eUICC with a MatchingID and a confirmation code
      And the end user enters a wrong confirmation code
      And the download has gone through PrepareDownload
      When the LPA calls GetBoundProfilePackage
      Then the SM-DP+ answers Failed with 8.2.7 / 3.8
      When the end user enters the right confirmation code and the LPA calls GetBoundProfilePackage again
      Then the SM-DP+ answers Executed-Success
      And the bound profile package satisfies every rule of SGP.22 §2.5.4, §2.6.4 and §5.5
      And the eUICC installs the bound profile package

      @nist @TC_SM-DP+_ES9+.GetBoundProfilePackageNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.GetBoundProfilePackageBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

  Rule: an error of the eUICC in PrepareDownload ends the download (SGP.22 §3.1.3.2, §5.6.2)

    @negative
    Scenario Outline: #04 PrepareDownloadResponse with downloadErrorCode undefinedError ends the RSP session
      Given a profile released for the eUICC with a MatchingID
      And the download has gone through PrepareDownload
      When the LPA calls GetBoundProfilePackage with a PrepareDownloadResponse carrying downloadErrorCode undefinedError
      Then the SM-DP+ answers Failed
      And the RSP session is ended: GetBoundProfilePackage with the eUICC's PrepareDownloadResponse is then refused with 8.10.1 / 3.9

      @nist @TC_SM-DP+_ES9+.GetBoundProfilePackageNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.GetBoundProfilePackageBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

  Rule: the SM-DP+ refuses a request it cannot authenticate or that lacks the confirmation code

    @negative
    Scenario Outline: invalid eUICC signature
      Given the eUICC signs euiccSigned2 with a wrong signature
      And a profile released for the eUICC with a MatchingID
      And the download has gone through PrepareDownload
      When the LPA calls GetBoundProfilePackage
      Then the SM-DP+ answers Failed with 8.1 / 6.1

      @nist @TC_SM-DP+_ES9+.GetBoundProfilePackageNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.GetBoundProfilePackageBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    @negative
    Scenario Outline: unknown transactionId in the JSON request
      Given a profile released for the eUICC with a MatchingID
      And the download has gone through PrepareDownload
      When the LPA calls GetBoundProfilePackage with an unknown transactionId in the request
      Then the SM-DP+ answers Failed with 8.10.1 / 3.9

      @nist @TC_SM-DP+_ES9+.GetBoundProfilePackageNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.GetBoundProfilePackageBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    @negative
    Scenario Outline: unknown transactionId inside the signed data
      Given a profile released for the eUICC with a MatchingID
      And the download has gone through PrepareDownload
      When the LPA calls GetBoundProfilePackage with euiccSigned2 signed by the eUICC over an unknown transactionId
      Then the SM-DP+ answers Failed with 8.10.1 / 3.9

      @nist @TC_SM-DP+_ES9+.GetBoundProfilePackageNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.GetBoundProfilePackageBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    @negative
    Scenario Outline: confirmation code missing
      Given a profile released for the eUICC with a MatchingID and a confirmation code
      And the download has gone through PrepareDownload
      When the LPA calls GetBoundProfilePackage with euiccSigned2 signed by the eUICC without hashCc
      Then the SM-DP+ answers Failed with 8.2.7 / 2.2

      @nist @TC_SM-DP+_ES9+.GetBoundProfilePackageNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.GetBoundProfilePackageBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    @negative
    Scenario Outline: confirmation code refused
      Given a profile released for the eUICC with a MatchingID and a confirmation code
      And the end user enters a wrong confirmation code
      And the download has gone through PrepareDownload
      When the LPA calls GetBoundProfilePackage
      Then the SM-DP+ answers Failed with 8.2.7 / 3.8

      @nist @TC_SM-DP+_ES9+.GetBoundProfilePackageNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.GetBoundProfilePackageBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    @negative
    Scenario Outline: confirmation code retries exceeded
      Given a profile released for the eUICC with a MatchingID and a confirmation code
      And the end user enters a wrong confirmation code
      And the download has gone through PrepareDownload
      When the LPA calls GetBoundProfilePackage again while the SM-DP+ answers 8.2.7 / 3.8, at most 10 times
      Then the SM-DP+ answers Failed with 8.2.7 / 6.4

      @nist @TC_SM-DP+_ES9+.GetBoundProfilePackageNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.GetBoundProfilePackageBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |
