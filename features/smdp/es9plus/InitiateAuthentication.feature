@smdp @es9plus @sgp22-v2
Feature: InitiateAuthentication
  SGP.23 §4.3.12, ES9+.InitiateAuthentication (SGP.22 v2.5 §5.6.1, §3.1.2, JSON binding §6.5.2.6): the
  LPA sends the eUICC's challenge, EUICCInfo1 and the SM-DP+ address; the SM-DP+ opens an RSP session
  and answers serverSigned1 signed with its CERT.DPauth.ECDSA under a CI the eUICC trusts. The harness
  plays the LPA and the eUICC (the emulated eUICC with the run's PKI of the scenario's curve).

  Decisions: SGP.23 gives no versions for #05; "too low" is 1.0.0 (before SGP.22 v2) and "too high" is
  255.255.255. #06 needs a CI the SM-DP+ trusts without holding a CERT.DPauth.ECDSA under it, which only
  the bundled reference SM-DP+ is known to have (a second test CI), hence @reference-only. Every v2 eUICC is
  served, also v2.4.0 and v2.5.0, which SGP.23 does not list. An eUICC of SGP.22 v3 is served only by an SM-DP+
  that also implements v3: that scenario needs the target to declare the option sgp22-v3-euicc (--target FILE)
  and is skipped otherwise; the bundled reference speaks v2 and does not offer it. EUICCInfo1's field [2] is svn
  in v2 (lowestSvn in v3): the protocol core writes the declared version there.

  Rule: the SM-DP+ authenticates itself to the eUICC with a fresh session

    @check
    Scenario Outline: #01 nominal
      Given the LPA has an activation code of the SM-DP+
      When the LPA calls InitiateAuthentication
      Then the SM-DP+ answers Executed-Success
      And serverSigned1 carries the transactionId, the euiccChallenge and the SM-DP+ address
      And serverSignature1 verifies with a CERT.DPauth.ECDSA of a CI the eUICC trusts
      And euiccCiPKIdToBeUsed is one the eUICC offered for signing

      @nist @TC_SM-DP+_ES9+.InitiateAuthenticationNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.InitiateAuthenticationBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    Scenario Outline: #02 transactionId and serverChallenge are new for each call
      Given the LPA has an activation code of the SM-DP+
      When the LPA calls InitiateAuthentication twice for the eUICC
      Then the two answers carry different transactionIds and different serverChallenges

      @nist @TC_SM-DP+_ES9+.InitiateAuthenticationNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.InitiateAuthenticationBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    Scenario Outline: <seq> nominal with an eUICC declaring SGP.22 v<version>
      Given the LPA has an activation code of the SM-DP+
      When the LPA calls InitiateAuthentication with EUICCInfo1 declaring version <version>
      Then the SM-DP+ answers Executed-Success
      And serverSigned1 carries the transactionId, the euiccChallenge and the SM-DP+ address
      And serverSignature1 verifies with a CERT.DPauth.ECDSA of a CI the eUICC trusts
      And euiccCiPKIdToBeUsed is one the eUICC offered for signing

      @nist @TC_SM-DP+_ES9+.InitiateAuthenticationNIST
      Examples: NIST P-256
        | seq | version |
        | #07 | 2.2.1   |
        | #08 | 2.2.2   |
        | #09 | 2.3.0   |

      @brp @TC_SM-DP+_ES9+.InitiateAuthenticationBRP
      Examples: brainpoolP256r1
        | seq | version |
        | #07 | 2.2.1   |
        | #08 | 2.2.2   |
        | #09 | 2.3.0   |

    Scenario Outline: nominal with an eUICC declaring SGP.22 v<version>, a later v2 than SGP.23 lists
      Given the LPA has an activation code of the SM-DP+
      When the LPA calls InitiateAuthentication with EUICCInfo1 declaring version <version>
      Then the SM-DP+ answers Executed-Success
      And serverSigned1 carries the transactionId, the euiccChallenge and the SM-DP+ address
      And serverSignature1 verifies with a CERT.DPauth.ECDSA of a CI the eUICC trusts
      And euiccCiPKIdToBeUsed is one the eUICC offered for signing

      @nist @TC_SM-DP+_ES9+.InitiateAuthenticationNIST
      Examples: NIST P-256
        | version |
        | 2.4.0   |
        | 2.5.0   |

      @brp @TC_SM-DP+_ES9+.InitiateAuthenticationBRP
      Examples: brainpoolP256r1
        | version |
        | 2.4.0   |
        | 2.5.0   |

    @sgp22-v3 @option-sgp22-v3-euicc
    Scenario Outline: an SM-DP+ that implements SGP.22 v3 accepts an eUICC declaring SGP.22 v3.0.0
      Given the LPA has an activation code of the SM-DP+
      When the LPA calls InitiateAuthentication with EUICCInfo1 declaring version 3.0.0
      Then the SM-DP+ answers Executed-Success
      And serverSigned1 carries the transactionId, the euiccChallenge and the SM-DP+ address
      And serverSignature1 verifies with a CERT.DPauth.ECDSA of a CI the eUICC trusts

      @nist @TC_SM-DP+_ES9+.InitiateAuthenticationNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.InitiateAuthenticationBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

  Rule: the SM-DP+ refuses what it cannot serve

    @negative
    Scenario Outline: #03 invalid SM-DP+ address
      Given the LPA has an activation code of the SM-DP+
      When the LPA calls InitiateAuthentication with an SM-DP+ address that is not the SM-DP+'s
      Then the SM-DP+ answers Failed with 8.8.1 / 3.8

      @nist @TC_SM-DP+_ES9+.InitiateAuthenticationNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.InitiateAuthenticationBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    @negative
    Scenario Outline: #04 no CI public key identifier the SM-DP+ supports
      Given the LPA has an activation code of the SM-DP+
      When the LPA calls InitiateAuthentication with EUICCInfo1 offering only CI PKIds unknown to the SM-DP+
      Then the SM-DP+ answers Failed with 8.8.2 / 3.1

      @nist @TC_SM-DP+_ES9+.InitiateAuthenticationNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.InitiateAuthenticationBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    @negative
    Scenario Outline: #05 unsupported specification version <version>
      Given the LPA has an activation code of the SM-DP+
      When the LPA calls InitiateAuthentication with EUICCInfo1 declaring version <version>
      Then the SM-DP+ answers Failed with 8.8.3 / 3.1

      @nist @TC_SM-DP+_ES9+.InitiateAuthenticationNIST
      Examples: NIST P-256
        | version     |
        | 1.0.0       |
        | 255.255.255 |

      @brp @TC_SM-DP+_ES9+.InitiateAuthenticationBRP
      Examples: brainpoolP256r1
        | version     |
        | 1.0.0       |
        | 255.255.255 |

    @negative @reference-only
    Scenario Outline: #06 no CERT.DPauth.ECDSA for the eUICC's CI
      Given the LPA has an activation code of the SM-DP+
      When the LPA calls InitiateAuthentication with EUICCInfo1 offering only a CI the SM-DP+ has no CERT.DPauth.ECDSA for
      Then the SM-DP+ answers Failed with 8.8.4 / 3.7

      @nist @TC_SM-DP+_ES9+.InitiateAuthenticationNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.InitiateAuthenticationBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |
