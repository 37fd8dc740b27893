@euicc @es10b @sgp22-v2 @TC_eUICC_ES10b.GetEUICCInfo2
Feature: GetEUICCInfo2
  SGP.23 §4.2.13, ES10b.GetEUICCInfo (SGP.22 v2.5 §5.7.8) for EUICCInfo2: the versions and capabilities of
  the eUICC, with the same svn and CI lists as EUICCInfo1.

  Scenario: EUICCInfo2 agrees with EUICCInfo1
    When the LPA asks for EUICCInfo2
    Then EUICCInfo2 carries the same svn and CI lists as EUICCInfo1, and its profile package and firmware versions
