using System.Text.Json;

namespace Conformance.Euicc.State;

/// <summary>
/// Persistent card state in one JSON file, replaced atomically: the new content is written to a
/// temporary file in the same directory, flushed to disk (fsync), renamed over the state file
/// (rename(2) is atomic), and the directory entry is flushed. A crash or power cycle at any
/// point leaves either the old or the new content, never a torn file. One store owns a directory
/// at a time (an exclusive lock file), so two emulators cannot interleave writes.
/// </summary>
/// <typeparam name="T">A record serialisable with System.Text.Json.</typeparam>
public sealed class StateStore<T> : IDisposable where T : class
{
    /// <summary>Name of the state file inside the directory.</summary>
    public const string FileName = "state.json";

    private const string TempSuffix = ".tmp";
    private const string LockName = "state.lock";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    private readonly string _path;
    private readonly FileStream _lock;

    /// <summary>Test seam: called at each step of a save; a test throws from it to simulate a crash there.</summary>
    internal Action<SaveStep>? FaultInjection { get; set; }

    /// <summary>Opens (creating if needed) the state directory and takes its lock.</summary>
    /// <exception cref="StateStoreException">The directory is in use by another store.</exception>
    public StateStore(string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        DirectoryPath = Path.GetFullPath(directory);
        _path = Path.Combine(DirectoryPath, FileName);
        try
        {
            _lock = new FileStream(Path.Combine(DirectoryPath, LockName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new StateStoreException($"the state directory {DirectoryPath} is in use by another emulator ({e.Message})", e);
        }
        // A temporary file left by a crash before its rename is an unfinished write: discard it.
        File.Delete(_path + TempSuffix);
    }

    /// <summary>The state directory (absolute).</summary>
    public string DirectoryPath { get; }

    /// <summary>Reads the state; null when none was ever saved.</summary>
    /// <exception cref="StateStoreException">The file exists but is not valid state (never silently reset).</exception>
    public T? Load()
    {
        if (!File.Exists(_path))
        {
            return null;
        }
        byte[] bytes = File.ReadAllBytes(_path);
        try
        {
            return JsonSerializer.Deserialize<T>(bytes, Json)
                ?? throw new StateStoreException($"the state file {_path} holds null");
        }
        catch (JsonException e)
        {
            throw new StateStoreException($"the state file {_path} is not valid {typeof(T).Name} JSON: {e.Message}", e);
        }
    }

    /// <summary>Loads the state, or saves and returns <paramref name="initial"/> when there is none.</summary>
    public T LoadOrCreate(Func<T> initial)
    {
        T? state = Load();
        if (state is not null)
        {
            return state;
        }
        state = initial();
        Save(state);
        return state;
    }

    /// <summary>Replaces the state atomically and durably; returns once it is on disk.</summary>
    public void Save(T state)
    {
        byte[] bytes = JsonSerializer.SerializeToUtf8Bytes(state, Json);
        string temp = _path + TempSuffix;
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            int half = bytes.Length / 2;
            stream.Write(bytes, 0, half);
            FaultInjection?.Invoke(SaveStep.TempPartlyWritten);
            stream.Write(bytes, half, bytes.Length - half);
            stream.Flush(flushToDisk: true);
        }
        FaultInjection?.Invoke(SaveStep.TempFlushed);
        File.Move(temp, _path, overwrite: true);
        FaultInjection?.Invoke(SaveStep.Renamed);
        DirectorySync.Flush(DirectoryPath);
    }

    public void Dispose() => _lock.Dispose();
}

/// <summary>The steps of <see cref="StateStore{T}.Save"/>, for crash simulation.</summary>
internal enum SaveStep
{
    TempPartlyWritten,
    TempFlushed,
    Renamed,
}

/// <summary>The state directory cannot be used, or its content is not valid state.</summary>
public sealed class StateStoreException : Exception
{
    public StateStoreException(string message) : base(message)
    {
    }

    public StateStoreException(string message, Exception inner) : base(message, inner)
    {
    }
}
