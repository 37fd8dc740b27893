@smdp @es9plus @sgp22-v2
Feature: InitiateAuthentication
  SGP.23 §4.3.12, ES9+.InitiateAuthentication (SGP.22 v2.5 §5.6.1, §3.1.2, JSON binding §6.5.2.6): the
  LPA sends the eUICC's challenge, EUICCInfo1 and the SM-DP+ address; the SM-DP+ opens an RSP session
  and answers serverSigned1 signed with its CERT.DPauth.ECDSA under a CI the eUICC trusts. The harness
  plays the LPA and the eUICC (the emulated eUICC with the run's PKI of the scenario's curve).

  Rule: the SM-DP+ authenticates itself to the eUICC

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
