using System.Text.Json;
using Conformance.Reports.Allure;

namespace Conformance.Reports.Tests;

public class ConcurrencyTests
{
    [Test]
    public void Many_scenarios_in_parallel_each_write_a_complete_result()
    {
        const int scenarios = 300;
        using var tmp = new TempDir();
        var run = new AllureRun(tmp.Path);
        var payload = new string('x', 64 * 1024);

        Parallel.For(0, scenarios, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
        {
            var sc = run.StartScenario(Sample.Info(name: $"scenario {i}", sequence: $"#{i % 9 + 1:00}"));
            for (var s = 0; s < 3; s++)
            {
                sc.StartStep($"step {s}");
                sc.Attach($"exchange {s}", MimeTypes.Text, payload + i);
                sc.EndStep(AllureStatus.Passed);
            }
            sc.Finish(i % 5 == 0 ? AllureStatus.Failed : AllureStatus.Passed);
        });

        var files = Directory.GetFiles(tmp.Path, "*-result.json");
        Assert.That(files, Has.Length.EqualTo(scenarios));
        var names = new HashSet<string>();
        foreach (var file in files)
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
            var root = doc.RootElement;
            names.Add(root.GetProperty("name").GetString()!);
            var steps = root.GetProperty("steps");
            Assert.That(steps.GetArrayLength(), Is.EqualTo(3), file);
            foreach (var step in steps.EnumerateArray())
            {
                var source = step.GetProperty("attachments")[0].GetProperty("source").GetString()!;
                Assert.That(new FileInfo(Path.Combine(tmp.Path, source)).Length, Is.GreaterThan(payload.Length), source);
            }
        }
        Assert.Multiple(() =>
        {
            Assert.That(names, Has.Count.EqualTo(scenarios));
            Assert.That(Directory.GetFiles(tmp.Path, "*-attachment.txt"), Has.Length.EqualTo(scenarios * 3));
            Assert.That(Directory.GetFiles(tmp.Path, "*.tmp"), Is.Empty, "no temporary file is left behind");
            Assert.That(run.Results, Has.Count.EqualTo(scenarios));
            Assert.That(run.Results.Count(r => r.Status == AllureStatus.Failed), Is.EqualTo(scenarios / 5));
        });
    }

    [Test]
    public void A_reader_polling_during_the_run_never_sees_a_partial_file()
    {
        using var tmp = new TempDir();
        var run = new AllureRun(tmp.Path);
        using var done = new CancellationTokenSource();
        var partial = 0;
        var reader = Task.Run(() =>
        {
            while (!done.IsCancellationRequested)
            {
                foreach (var file in Directory.GetFiles(tmp.Path, "*-result.json"))
                {
                    try
                    {
                        using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
                    }
                    catch (JsonException)
                    {
                        Interlocked.Increment(ref partial);
                    }
                }
            }
        });
        Parallel.For(0, 100, i => Sample.Run(run, Sample.Info(name: $"s{i}") with { Description = new string('d', 200_000) }, AllureStatus.Passed));
        done.Cancel();
        reader.Wait();
        Assert.That(partial, Is.Zero);
    }
}
