// The one place that names the BDD framework (SpecFlow 3.9). Moving to Reqnroll is mechanical:
// replace these two lines with "global using Reqnroll;" and "global using Reqnroll.BoDi;", and
// the package reference in Conformance.Steps.csproj.
global using BoDi;
global using TechTalk.SpecFlow;
