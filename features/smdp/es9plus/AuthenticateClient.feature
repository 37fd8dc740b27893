@smdp @es9plus @sgp22-v2
Feature: AuthenticateClient
  SGP.23 §4.3.14, ES9+.AuthenticateClient (SGP.22 v2.5 §5.6.3, §3.1.3.1, JSON binding §6.5.2.8): the LPA
  forwards the eUICC's AuthenticateServerResponse; the SM-DP+ verifies the eUICC's certificates and
  euiccSignature1, finds the download order, and answers smdpSigned2 signed with CERT.DPpb.ECDSA and the
  profile's metadata. The harness plays the LPA and the eUICC (the emulated eUICC with the run's PKI of
  the scenario's curve); orders are prepared on ES2+.

  Rule: the SM-DP+ authenticates the eUICC and binds the download to its order

    Scenario Outline: nominal via an activation code without confirmation code
      Given a profile released for the eUICC with a MatchingID
      And the download has gone through AuthenticateServer
      When the LPA calls AuthenticateClient
      Then the SM-DP+ answers Executed-Success
      And smdpSigned2 carries the session's transactionId and smdpSignature2 verifies with a CERT.DPpb.ECDSA of a CI the eUICC trusts
      And smdpSigned2 says a confirmation code is not required
      And profileMetadata describes the ordered profile

      @nist @TC_SM-DP+_ES9+.AuthenticateClientNIST
      Examples: NIST P-256
        | curve |
        | NIST  |

      @brp @TC_SM-DP+_ES9+.AuthenticateClientBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP   |
