using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Conformance.SmdpPlus.Store;
using Microsoft.Data.Sqlite;

namespace Conformance.Cli.Tests.Commands;

/// <summary>
/// <c>smdp serve</c> run as a user runs it (the built CLI in its own process): a fault at start-up (database directory
/// missing or read-only, disk full, port in use) ends with one sentence on stderr and exit code 2, never a stack trace;
/// SIGTERM stops it cleanly with exit code 0 and the database intact.
/// </summary>
[NonParallelizable]
public partial class SmdpServeTests
{
    private string _dir = null!;
    private readonly List<string> _mounts = [];

    [SetUp]
    public void SetUp()
    {
        _dir = Path.Combine(Path.GetTempPath(), "cli-smdp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public async Task TearDown()
    {
        foreach (string mount in _mounts)
        {
            await RunAsync("umount", "-l", mount);
        }
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Test]
    public async Task MissingDatabaseDirectoryIsOneSentence()
    {
        string db = Path.Combine(_dir, "missing", "smdp.db");
        Served s = await ServeAsync(db);
        AssertOneSentence(s, $"cannot use the SM-DP+ database {db}: the directory {Path.Combine(_dir, "missing")} does not exist");
    }

    [Test]
    public async Task DatabaseUnderARegularFileIsOneSentence()
    {
        // Also what a read-only location looks like to root, whom chmod does not stop: the directory cannot exist.
        string file = Path.Combine(_dir, "file");
        await File.WriteAllTextAsync(file, "not a directory");
        Served s = await ServeAsync(Path.Combine(file, "smdp.db"));
        AssertOneSentence(s, $"{file} is a file, not a directory");
    }

    [Test]
    public async Task DatabaseWhereNoFileCanBeCreatedIsOneSentence()
    {
        // /proc takes no new file, not even from root.
        string db = $"/proc/smdp-{Guid.NewGuid():N}.db";
        Served s = await ServeAsync(db);
        AssertOneSentence(s, $"cannot use the SM-DP+ database {db}: the file cannot be opened or created there");
    }

    [Test]
    public async Task ReadOnlyDatabaseDirectoryIsOneSentence()
    {
        string dir = Path.Combine(_dir, "ro");
        Directory.CreateDirectory(dir);
        if (await MountTmpfsAsync(dir, "size=1m,ro"))
        {
            Served mounted = await ServeAsync(Path.Combine(dir, "smdp.db"));
            AssertOneSentence(mounted, "cannot use the SM-DP+ database");
            return;
        }
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("Unix file modes");
            return;
        }
        if (Environment.UserName == "root")
        {
            Assert.Ignore("root writes through chmod and cannot mount here: see DatabaseUnderARegularFileIsOneSentence and DatabaseWhereNoFileCanBeCreatedIsOneSentence");
        }
        File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            Served s = await ServeAsync(Path.Combine(dir, "smdp.db"));
            AssertOneSentence(s, "cannot use the SM-DP+ database");
        }
        finally
        {
            File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Test]
    public async Task ReadOnlyMountAfterAKillIsRefusedAtStartUp()
    {
        // A server killed with SIGKILL leaves its WAL behind; when the file system then comes back read-only, serve used to
        // listen and fail every write. It now refuses to start.
        string dir = Path.Combine(_dir, "mnt");
        Directory.CreateDirectory(dir);
        if (!await MountTmpfsAsync(dir, "size=8m"))
        {
            Assert.Ignore("needs a tmpfs mount (root with CAP_SYS_ADMIN)");
        }
        string db = Path.Combine(dir, "smdp.db");
        await ServeAsync(db, ["--synthetic", "3"], async p =>
        {
            p.Kill();
            await p.WaitForExitAsync();
        });
        Assert.That(File.Exists(db + "-wal"), Is.True, "the killed server left its WAL");
        Assert.That((await RunAsync("mount", "-o", "remount,ro", dir)).Exit, Is.Zero);

        Served s = await ServeAsync(db);
        AssertOneSentence(s, $"cannot use the SM-DP+ database {db}: the database is read-only");
    }

    [Test]
    public async Task FullDiskWithSyntheticProfilesIsOneSentence()
    {
        string dir = Path.Combine(_dir, "full");
        Directory.CreateDirectory(dir);
        if (!await MountTmpfsAsync(dir, "size=300k"))
        {
            Assert.Ignore("needs a tmpfs mount (root with CAP_SYS_ADMIN); SmdpPlus.Tests' StoreFaultTests fill a database with PRAGMA max_page_count instead");
        }
        string db = Path.Combine(dir, "smdp.db");
        Served s = await ServeAsync(db, ["--synthetic", "100"]);
        AssertOneSentence(s, $"cannot fill the profile inventory of {db}: the SM-DP+ could not store the change: the disk is full");
        // The store said why in one log line, not in a stack trace.
        Assert.That(s.Stdout, Does.Contain($"could not write to {db}: the disk is full"));
    }

    [Test]
    public async Task BusyPortIsOneSentenceWithoutAStackTrace()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int port = ((IPEndPoint)taken.LocalEndpoint).Port;
        Served s = await ServeAsync(Path.Combine(_dir, "smdp.db"), port: port);
        AssertOneSentence(s, $"cannot listen on 127.0.0.1:{port}:");
        Assert.That(s.Stdout, Does.Not.Contain("fail:"), "the host's own log of the bind failure is left out");
    }

    [Test]
    public async Task SigtermStopsServeCleanlyAndKeepsTheDatabase()
    {
        string db = Path.Combine(_dir, "smdp.db");
        var stopwatch = new Stopwatch();
        Served s = await ServeAsync(db, ["--synthetic", "3"], async p =>
        {
            stopwatch.Start();
            Assert.That((await RunAsync("kill", "-TERM", p.Id.ToString(CultureInfo.InvariantCulture))).Exit, Is.Zero);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await p.WaitForExitAsync(cts.Token);
            stopwatch.Stop();
        });
        Assert.That(s.Exit, Is.Zero, s.ToString());
        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
        Assert.That(s.Stdout, Does.Contain("smdp: stopped"));
        Assert.That(s.Stderr, Is.Empty);

        await using (var c = new SqliteConnection($"Data Source={db}"))
        {
            await c.OpenAsync();
            await using SqliteCommand check = c.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            Assert.That(await check.ExecuteScalarAsync(), Is.EqualTo("ok"));
        }
        using SmdpStore store = SmdpStore.Open(db);
        Assert.That(await store.ListProfilesAsync(), Has.Count.EqualTo(3));
    }

    /// <summary>
    /// Issue #15: a real LPA driving the bundled pair meets every kind of notification, so each synthetic profile of
    /// <c>--synthetic</c> asks (notificationConfigurationInfo, SGP.22 v2.5 §4.4, §5.5.3) for install, enable, disable and
    /// delete notifications to the SM-DP+'s own address, without any option.
    /// </summary>
    [Test]
    public async Task SyntheticProfilesAskForEveryNotificationToTheSmdpAddress()
    {
        string db = Path.Combine(_dir, "smdp.db");
        Served s = await ServeAsync(db, ["--synthetic", "2", "--address", "smdp.pair.example:8443"], async p =>
        {
            Assert.That((await RunAsync("kill", "-TERM", p.Id.ToString(CultureInfo.InvariantCulture))).Exit, Is.Zero);
        });
        Assert.That(s.Exit, Is.Zero, s.ToString());
        using SmdpStore store = SmdpStore.Open(db);
        IReadOnlyList<ProfileRecord> profiles = await store.ListProfilesAsync();
        Assert.That(profiles, Has.Count.EqualTo(2));
        foreach (ProfileRecord profile in profiles)
        {
            var info = SmdpPlus.Es9Plus.ProfileMetadataFactory.Build(profile).NotificationConfigurationInfo;
            Assert.That(info, Is.Not.Null.And.Count.EqualTo(1), $"profile {profile.Iccid}: one notification configuration");
            Assert.That(info![0].ProfileManagementOperation.SetBits, Is.EqualTo(new[] { 0, 1, 2, 3 }),
                $"profile {profile.Iccid}: notificationInstall, notificationEnable, notificationDisable, notificationDelete");
            Assert.That(info[0].NotificationAddress, Is.EqualTo("smdp.pair.example:8443"), $"profile {profile.Iccid}: to the SM-DP+'s own address");
        }
    }

    [Test]
    public async Task HelpSaysHowServeIsStopped()
    {
        (int exit, string stdout, _) = await RunAsync("dotnet", CliDll, "smdp", "serve", "--help");
        Assert.That(exit, Is.Zero);
        Assert.That(stdout, Does.Contain("SIGTERM"));
    }

    /// <summary>What one run of <c>smdp serve</c> said and how it ended.</summary>
    private sealed record Served(int Exit, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {Exit}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
    }

    private static void AssertOneSentence(Served s, string expected)
    {
        Assert.That(s.Exit, Is.EqualTo(2), s.ToString());
        string[] lines = s.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.That(lines, Has.Length.EqualTo(1), s.ToString());
        Assert.That(lines[0], Does.StartWith("error: ").And.Contain(expected), s.ToString());
        Assert.That(StackFrame().IsMatch(s.Stdout + s.Stderr), Is.False, "no stack trace: " + s);
        Assert.That(s.Stdout + s.Stderr, Does.Not.Contain("Exception"), s.ToString());
    }

    [GeneratedRegex(@"^\s+at \S+\(", RegexOptions.Multiline)]
    private static partial Regex StackFrame();

    /// <summary>
    /// Runs <c>smdp serve</c> on <paramref name="db"/>; with <paramref name="whileListening"/>, waits for it to listen and
    /// hands it the process (which it must end), else waits for it to end by itself. Never waits more than 2 minutes.
    /// </summary>
    private static async Task<Served> ServeAsync(string db, string[]? extra = null, Func<Process, Task>? whileListening = null, int? port = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in (string[])[CliDll, "smdp", "serve", "--port", (port ?? FreePort()).ToString(CultureInfo.InvariantCulture), "--db", db, .. extra ?? []])
        {
            start.ArgumentList.Add(arg);
        }
        using Process p = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = new System.Text.StringBuilder();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        p.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }
            lock (stdout)
            {
                stdout.AppendLine(e.Data);
            }
            if (e.Data.Contains("listening on", StringComparison.Ordinal))
            {
                listening.TrySetResult();
            }
        };
        p.BeginOutputReadLine();
        Task<string> stderr = p.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            if (whileListening is not null)
            {
                await Task.WhenAny(listening.Task, p.WaitForExitAsync(deadline.Token));
                if (p.HasExited)
                {
                    Assert.Fail($"serve ended before listening: {await stderr}\n{stdout}");
                }
                await whileListening(p);
            }
            await p.WaitForExitAsync(deadline.Token);
        }
        finally
        {
            if (!p.HasExited)
            {
                p.Kill(entireProcessTree: true);
                await p.WaitForExitAsync(CancellationToken.None);
            }
        }
        string output;
        lock (stdout)
        {
            output = stdout.ToString();
        }
        return new Served(p.ExitCode, output, await stderr);
    }

    /// <summary>Mounts a tmpfs with <paramref name="options"/> on <paramref name="dir"/>; false where mounting is not allowed.</summary>
    private async Task<bool> MountTmpfsAsync(string dir, string options)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }
        try
        {
            if ((await RunAsync("mount", "-t", "tmpfs", "-o", options, "tmpfs", dir)).Exit != 0)
            {
                return false;
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
        _mounts.Add(dir);
        return true;
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using Process p = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        Task<string> stdout = p.StandardOutput.ReadToEndAsync();
        Task<string> stderr = p.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await p.WaitForExitAsync(deadline.Token);
        return (p.ExitCode, await stdout, await stderr);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>The built CLI of the same configuration and framework as these tests (cli/Conformance.Cli/bin/&lt;config&gt;/&lt;tfm&gt;).</summary>
    private static string CliDll
    {
        get
        {
            var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            DirectoryInfo cli = tfm.Parent!.Parent!.Parent!.Parent!;
            string dll = Path.Combine(cli.FullName, "Conformance.Cli", "bin", tfm.Parent!.Name, tfm.Name, "Conformance.Cli.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"build the CLI first: {dll} is missing");
        }
    }
}
