@euicc @es10b @sgp22-v2
Feature: PrepareDownload
  SGP.23 §4.2.10, ES10b.PrepareDownload (SGP.22 v2.5 §5.7.5, §3.1.3): after AuthenticateServer the eUICC
  verifies CERT.DPpb.ECDSA, smdpSignature2 and the transactionId, generates otPK.EUICC.ECKA and signs
  euiccSigned2 (with the hashed confirmation code when the SM-DP+ requires one). Per curve.

  Scenario Outline: PrepareDownload answers a signed one-time key (<curve>)
    Given the LPA has authenticated the SM-DP+ to the eUICC
    When the LPA prepares the download
    Then the eUICC answers downloadResponseOk
    And euiccSigned2 carries the session's transactionId and a one-time public key on the session's curve
    And euiccSignature2 verifies with CERT.EUICC.ECDSA

    @nist @TC_eUICC_ES10b.PrepareDownloadNIST
    Examples: NIST P-256
      | curve |
      | NIST  |

    @brp @TC_eUICC_ES10b.PrepareDownloadBRP
    Examples: brainpoolP256r1
      | curve |
      | BRP   |

  Scenario Outline: PrepareDownload with a confirmation code signs the hashed code (<curve>)
    Given the SM-DP+ has released a profile for the eUICC with the confirmation code 4711
    And the LPA has authenticated the SM-DP+ to the eUICC
    When the LPA prepares the download
    Then the eUICC answers downloadResponseOk
    And euiccSigned2 carries the hashed confirmation code

    @nist @TC_eUICC_ES10b.PrepareDownloadNIST
    Examples: NIST P-256
      | curve |
      | NIST  |

    @brp @TC_eUICC_ES10b.PrepareDownloadBRP
    Examples: brainpoolP256r1
      | curve |
      | BRP   |

  @negative
  Scenario Outline: PrepareDownload without the confirmation code the SM-DP+ requires (<curve>)
    Given the SM-DP+ has released a profile for the eUICC with the confirmation code 4711
    And the LPA has authenticated the SM-DP+ to the eUICC
    When the LPA prepares the download without the hashed confirmation code
    Then the eUICC answers undefinedError

    @nist @TC_eUICC_ES10b.PrepareDownloadNIST
    Examples: NIST P-256
      | curve |
      | NIST  |

    @brp @TC_eUICC_ES10b.PrepareDownloadBRP
    Examples: brainpoolP256r1
      | curve |
      | BRP   |

  @negative
  Scenario Outline: PrepareDownload refuses <case> (<curve>)
    Given the SM-DP+ injects the fault <fault>
    And the LPA has authenticated the SM-DP+ to the eUICC
    When the LPA prepares the download
    Then the eUICC answers <answer>

    @nist @TC_eUICC_ES10b.PrepareDownloadNIST
    Examples: NIST P-256
      | curve | case                                 | fault                           | answer               |
      | NIST  | an smdpSignature2 that does not verify | InvalidSmdpSignature2           | invalidSignature     |
      | NIST  | an expired CERT.DPpb.ECDSA           | ExpiredDpPbCertificate          | invalidCertificate   |
      | NIST  | a CERT.DPpb.ECDSA of an unknown CI   | DpPbFromUnknownCi               | invalidCertificate   |
      | NIST  | another transactionId in smdpSigned2 | WrongTransactionIdInSmdpSigned2 | invalidTransactionId |

    @brp @TC_eUICC_ES10b.PrepareDownloadBRP
    Examples: brainpoolP256r1
      | curve | case                                 | fault                           | answer               |
      | BRP   | an smdpSignature2 that does not verify | InvalidSmdpSignature2           | invalidSignature     |
      | BRP   | an expired CERT.DPpb.ECDSA           | ExpiredDpPbCertificate          | invalidCertificate   |
      | BRP   | a CERT.DPpb.ECDSA of an unknown CI   | DpPbFromUnknownCi               | invalidCertificate   |
      | BRP   | another transactionId in smdpSigned2 | WrongTransactionIdInSmdpSigned2 | invalidTransactionId |
