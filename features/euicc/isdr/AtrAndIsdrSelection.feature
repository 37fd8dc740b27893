@euicc @isdr @sgp22-v2 @TC_eUICC_ATR_and_ISD-R_Selection
Feature: ATR and ISD-R selection
  SGP.23 §4.2.1: the eUICC answers reset with a well-formed ATR, the LPA reaches the ISD-R on a logical
  channel (SGP.22 v2.5 §5.7.2: MANAGE CHANNEL, SELECT by AID, STORE DATA, GET RESPONSE) and the eUICC keeps
  its non-volatile state across a reset. MANAGE CHANNEL close is a case 1 command: over T=0 it may arrive as its
  TPDU, the header with P3 = '00' (ISO/IEC 7816-3 §12.2.2), which is how lpac closes its channel.

  Scenario: The ATR is well formed and offers T=0 or T=1
    When the LPA reads the ATR
    Then the ATR is well formed and offers T=0 or T=1

  Scenario: The ISD-R is selected on a logical channel and answers ES10
    When the LPA opens a logical channel and selects the ISD-R
    Then the ISD-R answers ES10 functions on that channel

  Scenario: A response longer than 256 bytes arrives whole
    Given the SM-DP+ has released a profile for the eUICC
    When the LPA authenticates the SM-DP+ to the eUICC
    Then the eUICC answers authenticateResponseOk
    And the response of AuthenticateServer was longer than 256 bytes and arrived whole

  @destructive
  Scenario: The eUICC keeps its profiles and default SM-DP+ address across a reset
    Given the eUICC holds a disabled profile
    And the default SM-DP+ address is "reset.smdp.example.com"
    When the card is reset
    Then the eUICC still holds the profile and the default SM-DP+ address "reset.smdp.example.com"

  Scenario Outline: Over T=0, MANAGE CHANNEL close in its <form> form closes the logical channel
    Given the card speaks T=0
    And the LPA has opened a logical channel and selected the ISD-R on it
    When the LPA closes that channel with the <form> MANAGE CHANNEL close
    Then the eUICC closes the channel: '9000', and the channel no longer answers

    Examples:
      | form               | description                                             |
      | 4-byte             | the case 1 APDU 00 70 80 0n                             |
      | 5-byte (P3 = '00') | the case 1 TPDU 00 70 80 0n 00 of T=0, as lpac sends it |
