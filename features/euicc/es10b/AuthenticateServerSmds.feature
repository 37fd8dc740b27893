@euicc @es10b @smds @sgp22-v2 @TC_eUICC_ES10b.AuthenticateServer
Feature: AuthenticateServer with an SM-DS
  SGP.23 §4.2.18 (the function's test case), ES10b.AuthenticateServer (SGP.22 v2.5 §5.7.13) in the common mutual
  authentication with an SM-DS for event retrieval (§3.6.2, ES11 §5.8): the eUICC verifies the SM-DS's
  CERT.DSauth.ECDSA under a CI it trusts, serverSignature1 and its own euiccChallenge, then signs euiccSigned1 carrying
  the ctxParams1 the LPA gave (ctxParamsForCommonAuthentication without a MatchingID). The harness plays the LPA and
  the SM-DS (CERT.DSauth.ECDSA of the run's PKI on the scenario's curve, the eUICC's root SM-DS address).

  Scenario Outline: AuthenticateServer authenticates an SM-DS and signs euiccSigned1 for event retrieval (<curve>)
    When the LPA authenticates the SM-DS to the eUICC
    Then the eUICC answers authenticateResponseOk
    And euiccSigned1 echoes the SM-DS's transactionId, address and serverChallenge, with ctxParams1 for event retrieval
    And euiccSignature1 of the SM-DS session verifies with CERT.EUICC.ECDSA, which chains to the EUM and the CI

    @nist
    Examples: NIST P-256
      | curve |
      | NIST  |

    @brp
    Examples: brainpoolP256r1
      | curve |
      | BRP   |
