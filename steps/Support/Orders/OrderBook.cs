using System.Text.Json;
using Conformance.Adapters.Lpa;

namespace Conformance.Steps.Support.Orders;

/// <summary>One order made by the user on their SM-DP+ (portal, admin API, their own ES2+ client).</summary>
/// <param name="Code">Its activation code (SGP.22 v2.5 §4.1), or null for an EID-bound order without one.</param>
/// <param name="Eid">The EID it is bound to, or null.</param>
/// <param name="Iccid">Its profile's ICCID, when the user gave it.</param>
/// <param name="ConfirmationCode">The confirmation code it requires, or null.</param>
/// <param name="Released">False for an order confirmed but not released.</param>
/// <param name="Where">Where the file holds it ("orders.txt line 3"), for messages.</param>
public sealed record BookedOrder(ActivationCode? Code, string? Eid, string? Iccid, string? ConfirmationCode, bool Released, string Where)
{
    /// <summary>
    /// What the ledger records for it: the activation code; for an EID-bound order without a MatchingID (all alike but
    /// for their place in the file) the EID, the ICCID and that place.
    /// </summary>
    public string Key => Code is { MatchingId.Length: > 0 } c ? $"LPA:1${c.SmdpAddress}${c.MatchingId}" : $"eid:{Eid} iccid:{Iccid} at {Where}";

    /// <summary>True when this order can serve a scenario with <paramref name="needs"/>.</summary>
    public bool Meets(OrderNeeds needs)
    {
        ArgumentNullException.ThrowIfNull(needs);
        bool hasMatchingId = Code is { MatchingId.Length: > 0 };
        bool eidOk = needs.EidRequired ? Eid == needs.Eid : Eid is null || Eid == needs.Eid;
        // A code the harness does not know cannot be entered: such an order serves no scenario.
        bool ccRequired = ConfirmationCode is not null || Code is { ConfirmationCodeRequired: true };
        bool ccOk = needs.ConfirmationCode ? ConfirmationCode is not null : !ccRequired;
        return !needs.SmdsEvent && hasMatchingId == needs.MatchingId && (hasMatchingId || Eid is not null) && eidOk && ccOk && Released == needs.Released;
    }
}

/// <summary>
/// The <c>orders</c> setting's file: a <c>.txt</c> with one activation code a line (optionally followed by the
/// confirmation code, after a space), or a <c>.json</c> array of
/// <c>{"activationCode", "iccid", "eid", "confirmationCode", "released"}</c> (activationCode or eid at least). Orders
/// used are appended to a ledger beside the run's output, so a rerun goes on with fresh ones. Thread-safe.
/// </summary>
public sealed class OrderBook : IOrderSource
{
    private readonly Lock _gate = new();
    private readonly IReadOnlyList<BookedOrder> _orders;
    private readonly HashSet<string> _used;

    private OrderBook(string path, IReadOnlyList<BookedOrder> orders, string ledger, HashSet<string> used)
    {
        FilePath = path;
        _orders = orders;
        Ledger = ledger;
        _used = used;
    }

    public string FilePath { get; }

    /// <summary>The file listing the orders already used (one key a line).</summary>
    public string Ledger { get; }

    public string Name => $"file {FilePath}";

    public IReadOnlyList<BookedOrder> Orders => _orders;

    public int Unused
    {
        get
        {
            lock (_gate)
            {
                return _orders.Count(o => !_used.Contains(o.Key));
            }
        }
    }

    /// <summary>Reads <paramref name="path"/> and the ledger; every order's SM-DP+ address must be <paramref name="smdpAddress"/>.</summary>
    /// <exception cref="ConfigException">The file is not a list of orders as above; the message names the line or entry.</exception>
    public static OrderBook Load(string path, string smdpAddress, string ledger)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text = File.ReadAllText(path);
        List<BookedOrder> orders = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? FromJson(path, text) : FromText(path, text);
        foreach (BookedOrder o in orders)
        {
            if (o.Code is { } c && !string.Equals(c.SmdpAddress, smdpAddress, StringComparison.OrdinalIgnoreCase))
            {
                throw new ConfigException($"Setting {Settings.Orders.Key}: {o.Where} is for the SM-DP+ address {c.SmdpAddress}, not the run's {smdpAddress} (set --smdp-address).");
            }
        }

        if (orders.Count == 0)
        {
            throw new ConfigException($"Setting {Settings.Orders.Key}: {path} holds no order.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(ledger))!);
        HashSet<string> used = File.Exists(ledger)
            ? File.ReadAllLines(ledger).Select(l => l.Trim()).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
        return new OrderBook(Path.GetFullPath(path), orders, ledger, used);
    }

    /// <summary>How many unused orders of the file meet <paramref name="needs"/>.</summary>
    public int UnusedMeeting(OrderNeeds needs)
    {
        lock (_gate)
        {
            return _orders.Count(o => o.Meets(needs) && !_used.Contains(o.Key));
        }
    }

    public Task<(TakenOrder? Order, string? Lacking)> TakeAsync(OrderNeeds needs, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(needs);
        if (needs.SmdsEvent)
        {
            return Task.FromResult<(TakenOrder?, string?)>((null,
                $"the scenario needs {needs.Describe()}, which an orders file cannot declare; it runs with --orders es2plus or a command: source."));
        }

        lock (_gate)
        {
            var fitting = _orders.Where(o => o.Meets(needs)).ToList();
            BookedOrder? order = fitting.FirstOrDefault(o => !_used.Contains(o.Key));
            if (order is null)
            {
                return Task.FromResult<(TakenOrder?, string?)>((null, fitting.Count == 0
                    ? $"the scenario needs {needs.Describe()}, and {FilePath} has no such order (add one, or use --orders es2plus)."
                    : $"the scenario needs {needs.Describe()}, and the {fitting.Count} such orders of {FilePath} are used (see {Ledger}): add fresh ones."));
            }

            _used.Add(order.Key);
            // Written before the order is used, under the lock: a run stopped mid-scenario never hands it out again.
            using (var ledger = new FileStream(Ledger, FileMode.Append, FileAccess.Write, FileShare.Read))
            {
                ledger.Write(System.Text.Encoding.UTF8.GetBytes(order.Key + "\n"));
            }
            return Task.FromResult<(TakenOrder?, string?)>((new TakenOrder(order.Code?.MatchingId ?? "", order.ConfirmationCode, order.Iccid, order.Where), null));
        }
    }

    private static List<BookedOrder> FromText(string path, string text)
    {
        var orders = new List<BookedOrder>();
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            string where = $"{Path.GetFileName(path)} line {i + 1}";
            string[] fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 2)
            {
                throw new ConfigException($"Setting {Settings.Orders.Key}: {where} has {fields.Length} fields; a line is an activation code, optionally followed by its confirmation code.");
            }

            ActivationCode code = Code(fields[0], where);
            orders.Add(new BookedOrder(code, null, null, fields.Length == 2 ? fields[1] : null, Released: true, where));
        }

        return orders;
    }

    private static List<BookedOrder> FromJson(string path, string text)
    {
        JsonElement root;
        try
        {
            using JsonDocument doc = JsonDocument.Parse(text);
            root = doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new ConfigException($"Setting {Settings.Orders.Key}: {path} is not JSON ({e.Message.TrimEnd('.')}).");
        }

        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new ConfigException($"Setting {Settings.Orders.Key}: {path} must be a JSON array of orders.");
        }

        var orders = new List<BookedOrder>();
        int index = 0;
        foreach (JsonElement e in root.EnumerateArray())
        {
            string where = $"{Path.GetFileName(path)} entry {index++}";
            if (e.ValueKind != JsonValueKind.Object)
            {
                throw new ConfigException($"Setting {Settings.Orders.Key}: {where} is not an object.");
            }

            string? ac = Text(e, "activationCode", where);
            string? eid = Text(e, "eid", where);
            if (ac is null && eid is null)
            {
                throw new ConfigException($"Setting {Settings.Orders.Key}: {where} has neither activationCode nor eid.");
            }

            if (eid is not null && (eid.Length != 32 || !eid.All(char.IsAsciiDigit)))
            {
                throw new ConfigException($"Setting {Settings.Orders.Key}: {where} has eid '{eid}', not 32 digits.");
            }

            bool released = true;
            if (e.TryGetProperty("released", out JsonElement r))
            {
                released = r.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => throw new ConfigException($"Setting {Settings.Orders.Key}: {where} has a 'released' that is not true or false."),
                };
            }

            orders.Add(new BookedOrder(ac is null ? null : Code(ac, where), eid, Text(e, "iccid", where), Text(e, "confirmationCode", where), released, where));
        }

        return orders;
    }

    private static ActivationCode Code(string text, string where)
    {
        try
        {
            return ActivationCode.Parse(text);
        }
        catch (ActivationCodeException e)
        {
            throw new ConfigException($"Setting {Settings.Orders.Key}: {where} is not an activation code: {e.Message}");
        }
    }

    private static string? Text(JsonElement e, string name, string where) =>
        !e.TryGetProperty(name, out JsonElement v) || v.ValueKind == JsonValueKind.Null ? null
        : v.ValueKind == JsonValueKind.String ? v.GetString()
        : throw new ConfigException($"Setting {Settings.Orders.Key}: {where} has a '{name}' that is not a string.");
}
