@euicc @es10b @sgp22-v2 @TC_eUICC_ES10b.AuthenticateServer
Feature: AuthenticateServer
  SGP.23 §4.2.18, ES10b.AuthenticateServer (SGP.22 v2.5 §5.7.13, common mutual authentication §3.1.2): the
  eUICC verifies CERT.DPauth.ECDSA under a CI it trusts, serverSignature1 and its own euiccChallenge, then
  signs euiccSigned1 with SK.EUICC.ECDSA. The SM-DP+ is the harness; the negative cases use its faults.

  Scenario Outline: AuthenticateServer authenticates the SM-DP+ and signs euiccSigned1 (<curve>)
    Given the SM-DP+ has released a profile for the eUICC
    When the LPA authenticates the SM-DP+ to the eUICC
    Then the eUICC answers authenticateResponseOk
    And euiccSigned1 echoes the transactionId, serverAddress and serverChallenge of serverSigned1
    And euiccSignature1 verifies with CERT.EUICC.ECDSA, which chains to the EUM and the CI

    @nist
    Examples: NIST P-256
      | curve |
      | NIST  |

    @brp
    Examples: brainpoolP256r1
      | curve |
      | BRP   |

  @negative
  Scenario Outline: AuthenticateServer refuses <case> (<curve>)
    Given the SM-DP+ injects the fault <fault>
    When the LPA authenticates the SM-DP+ to the eUICC
    Then the eUICC answers <answer>

    @nist
    Examples: NIST P-256
      | curve | case                                        | fault                              | answer                 |
      | NIST  | an expired CERT.DPauth.ECDSA                | ExpiredDpAuthCertificate           | invalidCertificate     |
      | NIST  | a serverSignature1 that does not verify     | InvalidServerSignature1            | invalidSignature       |
      | NIST  | a CERT.DPauth.ECDSA issued by an unknown CI | DpAuthFromUnknownCi                | ciPKUnknown            |
      | NIST  | another euiccChallenge in serverSigned1     | WrongEuiccChallengeInServerSigned1 | euiccChallengeMismatch |

    @brp
    Examples: brainpoolP256r1
      | curve | case                                        | fault                              | answer                 |
      | BRP   | an expired CERT.DPauth.ECDSA                | ExpiredDpAuthCertificate           | invalidCertificate     |
      | BRP   | a serverSignature1 that does not verify     | InvalidServerSignature1            | invalidSignature       |
      | BRP   | a CERT.DPauth.ECDSA issued by an unknown CI | DpAuthFromUnknownCi                | ciPKUnknown            |
      | BRP   | another euiccChallenge in serverSigned1     | WrongEuiccChallengeInServerSigned1 | euiccChallengeMismatch |

  @negative
  Scenario Outline: AuthenticateServer with a CERT.DPauth.ECDSA on an unsupported curve (<curve>)
    Given the SM-DP+ has released a profile for the eUICC
    When the LPA sends AuthenticateServer with a CERT.DPauth.ECDSA on P-384
    Then the eUICC answers unsupportedCurve

    @nist
    Examples: NIST P-256
      | curve |
      | NIST  |

    @brp
    Examples: brainpoolP256r1
      | curve |
      | BRP   |

  Scenario Outline: AuthenticateServer with a wrong serverAddress signs back the address it received (<curve>)
    Given the SM-DP+ injects the fault WrongServerAddressInServerSigned1
    When the LPA authenticates the SM-DP+ to the eUICC
    Then the eUICC answers authenticateResponseOk
    And euiccSigned1 echoes the transactionId, serverAddress and serverChallenge of serverSigned1

    @nist
    Examples: NIST P-256
      | curve |
      | NIST  |

    @brp
    Examples: brainpoolP256r1
      | curve |
      | BRP   |
