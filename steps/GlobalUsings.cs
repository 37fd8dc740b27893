// The one place that names the BDD framework (Reqnroll 3.3). Its object container is Reqnroll.BoDi.
global using Reqnroll;
global using Reqnroll.BoDi;
