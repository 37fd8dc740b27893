@smds @es11 @sgp22-v2
Feature: InitiateAuthentication
  ES11.InitiateAuthentication (SGP.22 v2.5 §5.8.1, §3.6.2, §3.1.2; JSON binding §6.5.2): the LPA sends the eUICC's
  challenge, EUICCInfo1 and the SM-DS address; the SM-DS opens an RSP session and answers serverSigned1 signed with its
  CERT.DSauth.ECDSA under a CI the eUICC trusts. The harness plays the LPA and the eUICC (the emulated eUICC with the
  run's PKI of the scenario's curve).

  SGP.23 names no SM-DS test case in the catalog the harness tracks: these scenarios carry no SGP.23 ID. The error codes
  are the SM-DS's counterparts of ES9+'s (SGP.22 §5.2.6.1: 8.9.1 SM-DS Address, 8.9.2 SM-DS Security Configuration).

  Rule: the SM-DS authenticates itself to the eUICC with a fresh session

    Scenario Outline: nominal
      When the LPA calls InitiateAuthentication at the SM-DS
      Then the SM-DS answers Executed-Success
      And serverSigned1 carries the transactionId, the euiccChallenge and the SM-DS address
      And serverSignature1 verifies with a CERT.DSauth.ECDSA of a CI the eUICC trusts

      @nist
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    Scenario Outline: transactionId and serverChallenge are new for each call
      When the LPA calls InitiateAuthentication at the SM-DS twice
      Then the two SM-DS answers carry different transactionIds and different serverChallenges

      @nist
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

  Rule: the SM-DS refuses what it cannot serve

    @negative
    Scenario Outline: an SM-DS address that is not the SM-DS's is refused
      When the LPA calls InitiateAuthentication at the SM-DS with the SM-DS address "unknown.smds.example.com"
      Then the SM-DS answers Failed with 8.9.1 / 3.8

      @nist
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp
      Examples: brainpoolP256r1
        | curve |
        | BRP   |

    @negative
    Scenario Outline: EUICCInfo1 offering no CI the SM-DS supports is refused
      When the LPA calls InitiateAuthentication at the SM-DS with EUICCInfo1 offering only an unknown CI
      Then the SM-DS answers Failed with 8.9.2 / 3.1

      @nist
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp
      Examples: brainpoolP256r1
        | curve |
        | BRP   |
