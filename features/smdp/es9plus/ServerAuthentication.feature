@smdp @es9plus @sgp22-v2
Feature: ServerAuthentication
  SGP.23 §4.3.17, server authentication for HTTPS establishment (SGP.22 v2.5 §2.6.6, §6.1.1, §4.5.2.1): the LPA
  opens TLS to the SM-DP+ address it got; the SM-DP+ presents CERT.DPtls, which chains to a CI the LPA
  trusts (the GSMA CI; here the run's CIs), carries the TLS role's certificate policy, and names the SM-DP+
  address. TLS 1.2 or later (SGP.22 §2.6.6). The curve of CERT.DPtls is the SM-DP+'s choice: the NIST and
  BRP variants check the same rules with an eUICC of that curve.

  Rule: the SM-DP+ authenticates itself with CERT.DPtls

    @check
    Scenario Outline: server authentication for HTTPS with CERT.DPtls
      When the LPA opens an HTTPS connection to the SM-DP+ address
      Then the TLS version is 1.2 or later
      And the server certificate chains to a CI of the run
      And the server certificate carries the certificate policy of CERT.DPtls
      And the server certificate names the SM-DP+ address

      @nist @TC_SM-DP+_ES9+_Server_Authentication_for_HTTPS_EstablishmentNIST
      Examples: NIST P-256
        | curve |
        | NIST |

      @brp @TC_SM-DP+_ES9+_Server_Authentication_for_HTTPS_EstablishmentBRP
      Examples: brainpoolP256r1
        | curve |
        | BRP |
