using Conformance.Adapters.Es10;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.StatusCodes;
using Conformance.Steps.Support;

namespace Conformance.Steps.Drivers;

/// <summary>
/// The harness as LPA towards the eUICC under test, for one scenario: opens the card of the run
/// (<see cref="EuiccUnderTest"/>) on first use, talks to it only through <see cref="Es10Client"/> over
/// <see cref="IEuiccUnderTest.Transport"/> with every APDU recorded (<see cref="EuiccTrace"/>), keeps the named
/// profiles of the scenario, the last answer (<see cref="CardOutcome"/>) and what the scenario changed, so that
/// <see cref="CleanupAsync"/> can put the card back: profiles it installed deleted, the default SM-DP+ address
/// restored, the notifications it caused removed. A card in a reader serves the whole run, so nothing here
/// assumes a fresh card.
/// </summary>
public sealed class EuiccDriver(HarnessRun run, EuiccTrace trace)
{
    private readonly Dictionary<string, string> _profiles = new(StringComparer.Ordinal);
    private readonly List<string> _installed = [];
    private IEuiccUnderTest? _card;
    private Es10Client? _es10;
    private HashSet<int>? _notificationsBefore;
    private (bool Changed, string? Address) _defaultAddress;

    public const string UnknownProfile = "an unknown profile";

    /// <summary>The card (opened on first use).</summary>
    public IEuiccUnderTest Card => _card ??= EuiccUnderTest.Open(run);

    /// <summary>True once the scenario has opened the card.</summary>
    public bool IsOpen => _card is not null;

    /// <summary>The last answer of the card, for the Then steps.</summary>
    public CardOutcome? Last { get; set; }

    /// <summary>The ES10 client over a fresh ISD-R session (opened on first use).</summary>
    public async Task<Es10Client> Es10Async()
    {
        if (_es10 is null)
        {
            _es10 = await Es10Client.OpenAsync(Card.Transport, trace, run.Config.Isdr, options: new Es10ClientOptions { Timeout = run.Config.Timeout }).ConfigureAwait(false);
            _notificationsBefore ??= [.. await SeqNumbersAsync(_es10).ConfigureAwait(false)];
        }

        return _es10;
    }

    /// <summary>The EID as GetEID reports it.</summary>
    public async Task<string> EidAsync()
    {
        Es10Client es10 = await Es10Async().ConfigureAwait(false);
        return Convert.ToHexString((await es10.GetEidAsync().ConfigureAwait(false)).Value.EidValue);
    }

    /// <summary>Resets the card (power cycle as the reader does it) and opens a new ISD-R session.</summary>
    public async Task ResetAsync()
    {
        if (_es10 is not null)
        {
            await _es10.Session.DisposeAsync().ConfigureAwait(false);
            _es10 = null;
        }

        await Card.Transport.ResetAsync(CancellationToken.None).ConfigureAwait(false);
        _ = await Es10Async().ConfigureAwait(false);
    }

    /// <summary>
    /// Runs a step's card work; a response that does not decode as its SGP.22 type (cut short, malformed) becomes
    /// the finding it is, naming the rule, instead of a harness error.
    /// </summary>
    public static async Task Checked(Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            await work().ConfigureAwait(false);
        }
        catch (Es10ResponseException e)
        {
            throw new AssertionException(
                $"SGP.22 §5.7.2: the eUICC must return the whole {e.TypeName} of {e.Function} (longer than 256 bytes: '61xx' then GET RESPONSE); " +
                $"its {e.Response.Length} bytes do not decode: {e.DecodeError.Message}", e);
        }
    }

    // ---- the scenario's profiles ----

    /// <summary>Names a profile the scenario installed ("the profile", "the other profile") and remembers to delete it.</summary>
    public void Installed(string name, string iccid)
    {
        _profiles[name] = iccid;
        _installed.Add(iccid);
    }

    /// <summary>The ICCID of a named profile; "an unknown profile" is an ICCID no card holds.</summary>
    public string IccidOf(string name) => name == UnknownProfile ? Identifiers.UnknownIccid
        : _profiles.TryGetValue(Canonical(name), out string? iccid) ? iccid
        : throw new InvalidOperationException($"the scenario has no profile called '{name}' (a Given step installs it)");

    public ProfileIdentifier IdentifierOf(string name) => ProfileIdentifier.ByIccid(Iccid.FromString(IccidOf(name)));

    /// <summary>"the enabled profile", "the disabled profile" and "the profile" are the scenario's first profile.</summary>
    private static string Canonical(string name) => name is "the enabled profile" or "the disabled profile" ? "the profile" : name;

    /// <summary>The card's record of a profile, or null when it holds none with that ICCID.</summary>
    public async Task<ProfileInfo?> ProfileInfoAsync(string iccid)
    {
        Es10Client es10 = await Es10Async().ConfigureAwait(false);
        ProfileInfoSearchCriteria criteria = ProfileInfoSearchCriteria.ByIccid(Iccid.FromString(iccid));
        ProfileInfoListResponse r = (await es10.GetProfilesInfoAsync(new ProfileInfoListRequest(criteria)).ConfigureAwait(false)).Value;
        return r.ProfileInfoListOk?.FirstOrDefault();
    }

    /// <summary>Remembers the default SM-DP+ address before the scenario changes it (first change only).</summary>
    public void DefaultAddressChanging(string? original)
    {
        if (!_defaultAddress.Changed)
        {
            _defaultAddress = (true, original);
        }
    }

    /// <summary>The seqNumbers of the notifications the card holds.</summary>
    public static async Task<IReadOnlyList<int>> SeqNumbersAsync(Es10Client es10)
    {
        ListNotificationResponse list = (await es10.ListNotificationAsync().ConfigureAwait(false)).Value;
        return list.NotificationMetadataList?.Select(n => n.SeqNumber).ToList() ?? [];
    }

    // ---- cleanup ----

    /// <summary>
    /// Puts the card back as the scenario found it: deletes the profiles it installed (disabling first; a profile
    /// whose PPR forbids that can only go with eUICCMemoryReset of operational profiles), restores the default
    /// SM-DP+ address, removes the notifications it caused. Returns what could not be undone (empty when all was).
    /// </summary>
    public async Task<IReadOnlyList<string>> CleanupAsync()
    {
        var problems = new List<string>();
        if (_card is null)
        {
            return problems;
        }

        try
        {
            // A new ISD-R session also ends any RSP session left open by the scenario.
            await ResetAsync().ConfigureAwait(false);
            Es10Client es10 = await Es10Async().ConfigureAwait(false);
            bool reset = false;
            foreach (string iccid in _installed.Distinct())
            {
                if (!reset && !await RemoveProfileAsync(es10, iccid).ConfigureAwait(false))
                {
                    EuiccMemoryResetResult r = (await es10.EuiccMemoryResetAsync(NamedBitList.Of(0)).ConfigureAwait(false)).Value;
                    reset = true;
                    if (r != EuiccMemoryResetResult.ok)
                    {
                        problems.Add($"profile {iccid} has a PPR that keeps it and eUICCMemoryReset answered {r}");
                    }
                }
            }

            if (_defaultAddress.Changed)
            {
                SetDefaultDpAddressResult r = (await es10.SetDefaultDpAddressAsync(_defaultAddress.Address ?? "").ConfigureAwait(false)).Value;
                if (r != SetDefaultDpAddressResult.ok)
                {
                    problems.Add($"SetDefaultDpAddress back to '{_defaultAddress.Address}' answered {r}");
                }
            }

            foreach (int seq in (await SeqNumbersAsync(es10).ConfigureAwait(false)).Where(s => _notificationsBefore?.Contains(s) != true))
            {
                _ = await es10.RemoveNotificationFromListAsync(seq).ConfigureAwait(false);
            }

            // What the card now says, not what the calls answered, decides whether it is back as it was.
            foreach (string iccid in _installed.Distinct())
            {
                if (await ProfileInfoAsync(iccid).ConfigureAwait(false) is { } left)
                {
                    problems.Add($"profile {iccid} is still on the card ({left.ProfileState})");
                }
            }

            if ((await SeqNumbersAsync(es10).ConfigureAwait(false)).Where(s => _notificationsBefore?.Contains(s) != true).ToList() is { Count: > 0 } extra)
            {
                problems.Add($"notifications {string.Join(", ", extra)} are still pending");
            }
        }
        catch (Exception e) when (e is Es10Exception or EuiccUnavailableException)
        {
            // A card pulled mid-scenario is gone for the clean-up too: that is reported beside the scenario's own
            // failure, not thrown from the After hook (which would lose the scenario's result).
            problems.Add(e.Message);
        }

        return problems;
    }

    /// <summary>Disables (when enabled) and deletes a profile; false when a PPR forbids it.</summary>
    private static async Task<bool> RemoveProfileAsync(Es10Client es10, string iccid)
    {
        ProfileIdentifier id = ProfileIdentifier.ByIccid(Iccid.FromString(iccid));
        DeleteProfileResult deleted = (await es10.DeleteProfileAsync(id).ConfigureAwait(false)).Value;
        if (deleted == DeleteProfileResult.profileNotInDisabledState)
        {
            DisableProfileResult disabled = (await es10.DisableProfileAsync(id, refreshFlag: false).ConfigureAwait(false)).Value;
            if (disabled == DisableProfileResult.disallowedByPolicy)
            {
                return false;
            }

            deleted = (await es10.DeleteProfileAsync(id).ConfigureAwait(false)).Value;
        }

        return deleted is DeleteProfileResult.ok or DeleteProfileResult.iccidOrAidNotFound;
    }

    /// <summary>Closes the session and the card.</summary>
    public async ValueTask CloseAsync()
    {
        if (_es10 is not null)
        {
            await _es10.Session.DisposeAsync().ConfigureAwait(false);
            _es10 = null;
        }

        if (_card is not null)
        {
            await _card.DisposeAsync().ConfigureAwait(false);
            _card = null;
        }
    }
}
