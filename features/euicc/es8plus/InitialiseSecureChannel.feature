@euicc @es8plus @sgp22-v2 @destructive @TC_eUICC_ES8+.InitialiseSecureChannel
Feature: ES8+.InitialiseSecureChannel
  SGP.23 §4.2.3, ES8+.InitialiseSecureChannel (SGP.22 v2.5 §5.5.1) inside LoadBoundProfilePackage (§5.7.6):
  the eUICC checks remoteOpId, the transactionId, smdpSign and the CRT before it derives the session keys. A
  refused BPP ends with the ProfileInstallationResult error of §2.5.6 and leaves no profile behind. The key
  agreement and smdpSign are per curve: every case runs on both.

  Scenario Outline: InitialiseSecureChannel opens the secure channel of a nominal download (<curve>)
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
  Scenario Outline: InitialiseSecureChannel refuses <case> (<curve>)
    Given the SM-DP+ injects the fault <fault>
    When the LPA downloads the profile
    Then the profile installation result is an error of initialiseSecureChannel for <reason>
    And no profile of the download remains on the eUICC

    @nist
    Examples: NIST P-256
      | curve | case                                          | fault                   | reason                         |
      | NIST  | another transactionId                         | WrongTransactionIdInBpp | invalidTransactionId           |
      | NIST  | an smdpSign that does not verify              | InvalidSmdpSignInBpp    | invalidSignature               |
      | NIST  | an unknown remoteOpId                         | UnknownRemoteOpId       | unsupportedRemoteOperationType |
      | NIST  | an unsupported key type and length in the CRT | UnsupportedCrtValues    | unsupportedCrtValues           |

    @brp
    Examples: brainpoolP256r1
      | curve | case                                          | fault                   | reason                         |
      | BRP   | another transactionId                         | WrongTransactionIdInBpp | invalidTransactionId           |
      | BRP   | an smdpSign that does not verify              | InvalidSmdpSignInBpp    | invalidSignature               |
      | BRP   | an unknown remoteOpId                         | UnknownRemoteOpId       | unsupportedRemoteOperationType |
      | BRP   | an unsupported key type and length in the CRT | UnsupportedCrtValues    | unsupportedCrtValues           |

  @negative
  Scenario Outline: A second InitialiseSecureChannel in the session is refused (<curve>)
    Given the SM-DP+ has released a profile for the eUICC
    When the LPA downloads the profile, sending InitialiseSecureChannel twice
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
