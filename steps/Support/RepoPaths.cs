namespace Conformance.Steps.Support;

/// <summary>Where the repository's files are, found from the running assembly upwards (the folder holding Conformance.sln).</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot(AppContext.BaseDirectory);

    public static string Features => Path.Combine(Root, "features");
    public static string StepCatalog => Path.Combine(Features, "_StepCatalog.md");
    public static string Glossary => Path.Combine(Features, "_Glossary.md");
    public static string Sgp23Catalog => Path.Combine(Root, "fixtures", "sgp23", "catalog.json");

    private static string FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Conformance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Conformance.sln above {start}: run from the repository");
    }
}
