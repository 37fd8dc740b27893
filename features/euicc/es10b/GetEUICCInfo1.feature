@euicc @es10b @sgp22-v2 @TC_eUICC_ES10b.GetEUICCInfo1
Feature: GetEUICCInfo1
  SGP.23 §4.2.13, ES10b.GetEUICCInfo (SGP.22 v2.5 §5.7.8) for EUICCInfo1: svn and the PKIds of the CIs the
  eUICC verifies with and signs under.

  Scenario: EUICCInfo1 lists the CIs of the run
    When the LPA asks for EUICCInfo1
    Then EUICCInfo1 carries an svn of version 2 and lists the CI of every curve under test for verification and signing
