// As in ../GlobalUsings.cs: the only place this project names the BDD framework (for DataTable).
global using Reqnroll;
