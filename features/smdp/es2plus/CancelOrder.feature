@smdp @es2plus @sgp22-v2 @TC_SM-DP+_ES2+.CancelOrder
Feature: CancelOrder
  SGP.23 §4.3.3, ES2+.CancelOrder (SGP.22 v2.5 §5.3.3, JSON binding §6.5.2.3): the operator cancels a
  pending order; the profile returns to the inventory (Available) or leaves it (Unavailable).

  Scenario: CancelOrder of a confirmed order, profile back to Available
    Given the operator has ordered a profile for the eUICC
    And the operator has confirmed that order with a new MatchingID
    When the operator calls CancelOrder with
      | field                       | value                    |
      | eid                         | <the eUICC>              |
      | matchingId                  | <the order's MatchingID> |
      | finalProfileStatusIndicator | Available                |
    Then the SM-DP+ answers Executed-Success
    And the profile can be ordered again

  Scenario: CancelOrder of an order that was not confirmed
    Given the operator has ordered a profile for the eUICC
    When the operator calls CancelOrder with
      | field                       | value     |
      | finalProfileStatusIndicator | Available |
    Then the SM-DP+ answers Executed-Success
    And the profile can be ordered again

  @negative
  Scenario: CancelOrder for an unknown ICCID
    When the operator calls CancelOrder with
      | field | value           |
      | iccid | <unknown ICCID> |
    Then the SM-DP+ answers Failed with 8.2.1 / 3.9

  @negative
  Scenario: CancelOrder with a MatchingID that is not the order's
    Given the operator has ordered a profile for the eUICC
    And the operator has confirmed that order with a new MatchingID
    When the operator calls CancelOrder with
      | field      | value |
      | matchingId | <new> |
    Then the SM-DP+ answers Failed with 8.2.6 / 3.10

  # Decision: SGP.22 §5.3.3 gives no own code for a profile no DownloadOrder reserved; there is no order with that
  # ICCID to cancel, so 8.2.1 / 3.9 (the TTCN-3 suite's CancelOrder_Error_04_Profile_Available accepts any Failed).
  @negative
  Scenario: CancelOrder of a profile that was never ordered
    Given a profile the operator has not ordered
    When the operator calls CancelOrder with
      | field                       | value     |
      | finalProfileStatusIndicator | Available |
    Then the SM-DP+ answers Failed with 8.2.1 / 3.9

  # Decision: the EID SHALL be given when the order is bound to one (SGP.22 §5.3.3); missing, it is reported as
  # ConfirmOrder reports an EID missing in the context of its order, 8.1.1 / 2.2 (the TTCN-3 suite's
  # CancelOrder_Error_02_Missing_EID accepts any Failed).
  @negative
  Scenario: CancelOrder without the EID the order is bound to
    Given the operator has ordered a profile for the eUICC
    And the operator has confirmed that order with a new MatchingID
    When the operator calls CancelOrder with
      | field      | value                    |
      | eid        | <none>                   |
      | matchingId | <the order's MatchingID> |
    Then the SM-DP+ answers Failed with 8.1.1 / 2.2
