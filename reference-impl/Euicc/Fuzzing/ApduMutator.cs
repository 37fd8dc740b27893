using Conformance.Euicc.Apdu;

namespace Conformance.Euicc.Fuzzing;

/// <summary>
/// A deterministic (seeded) source of mutated command APDUs for the ISD-R of an eUICC (issue #14). It starts from
/// valid APDUs of SGP.22 v2.5 §5.7.2: MANAGE CHANNEL open and close in both forms (the 4-byte case 1 and the 5-byte
/// T=0 form with P3 = '00'), SELECT of the ISD-R by AID, STORE DATA carrying ES10 commands (GetEUICCInfo1 'BF20',
/// GetEUICCInfo2 'BF22', GetEUICCChallenge 'BF2E', GetEID 'BF3E', GetProfilesInfo 'BF2D', ...), ES10 commands split
/// over several STORE DATA blocks, GET RESPONSE after '61xx'; and mutates most of them (<see cref="ApduMutation"/>):
/// bit flips, truncations (also below the header), wrong Lc, extended lengths, random CLA / INS / P1 / P2, wrong
/// block numbers and chaining bits, lying TLV lengths inside ES10 commands, commands on closed channels, 255-byte
/// data fields.
/// <para>
/// It reads the card's answers (<see cref="Next"/> takes the response to the APDU it returned last) only to stay
/// useful: it learns which channels are open and hold the ISD-R so that ES10 payloads reach the card's ES10 layer,
/// and it fetches '61xx' data with GET RESPONSE (clean or mutated). Same seed and same answers, same APDUs.
/// </para>
/// <para>
/// Where the status word of a command does not depend on the card's state, the APDU carries it
/// (<see cref="FuzzApdu.Expected"/>): '6700' for a command whose length bytes do not describe it (ISO/IEC 7816-4
/// §5.1, short lengths only), '6E00' for CLA 'FF', '6D00' for an unknown INS on the basic channel, '6A86' for
/// SELECT with P1-P2 other than '0400' / '040C', '6A80' for TERMINAL CAPABILITY data that is not an 'A9' template,
/// '6881' on a channel closed just before, '6A86' for STORE DATA blocks out of sequence or with wrong chaining bits,
/// '6985' for STORE DATA on a fresh channel and for GET RESPONSE with nothing pending, '6A82' for SELECT of another
/// AID, '6Cxx' / '61xx' / '9000' for GET RESPONSE after '61xx' asking more / fewer / exactly the bytes left, '9000'
/// for the clean steps that set such probes up.
/// </para>
/// </summary>
public sealed class ApduMutator
{
    private const byte InsManageChannel = 0x70;
    private const byte InsSelect = 0xA4;
    private const byte InsGetResponse = 0xC0;
    private const byte InsStoreData = 0xE2;
    private const byte InsTerminalCapability = 0xAA;
    private const int Channels = 4;

    private static readonly byte[] KnownIns = [InsManageChannel, InsSelect, InsGetResponse, InsStoreData, InsTerminalCapability];

    /// <summary>The ES10 commands (DER) the corpus carries in STORE DATA.</summary>
    private static readonly (string Name, byte[] Der)[] Es10Commands =
    [
        ("GetEUICCInfo1", Convert.FromHexString("BF2000")),
        ("GetEUICCInfo2", Convert.FromHexString("BF2200")),
        ("GetEUICCChallenge", Convert.FromHexString("BF2E00")),
        ("GetEID", Convert.FromHexString("BF3E035C015A")),
        ("GetProfilesInfo", Convert.FromHexString("BF2D00")),
        ("GetProfilesInfo tags", Convert.FromHexString("BF2D065C045A4F9F70")),
        ("GetProfilesInfo ICCID", Convert.FromHexString("BF2D0CA00A5A0898103254769810325476")),
        ("ListNotification", Convert.FromHexString("BF2800")),
        ("GetEuiccConfiguredAddresses", Convert.FromHexString("BF3C00")),
        ("GetRAT", Convert.FromHexString("BF4300")),
        ("SetNickname", Convert.FromHexString("BF291A5A0A98103254769810325476900C66757A7A206E69636B6E616D65")),
    ];

    private static readonly ApduMutation[] GeneralMutations =
    [
        ApduMutation.BitFlip, ApduMutation.RandomByte, ApduMutation.Truncated, ApduMutation.TruncatedBelowHeader,
        ApduMutation.WrongLc, ApduMutation.ExtendedLength, ApduMutation.RandomCla, ApduMutation.RandomIns,
        ApduMutation.RandomP1P2, ApduMutation.AppendedBytes, ApduMutation.LongData,
    ];

    private static readonly ApduMutation[] StoreDataMutations =
    [
        ApduMutation.GarbageTlvLength, ApduMutation.GarbageTlvLength, ApduMutation.GarbageTlvLength,
        ApduMutation.Es10BitFlip, ApduMutation.Es10BitFlip,
    ];

    private readonly Random _rng;
    private readonly byte[] _aid;
    private readonly int _minimumLength;
    private readonly Queue<Func<byte[], FuzzApdu?>> _script = new();
    private readonly bool[] _open = new bool[Channels];
    private readonly bool[] _selected = new bool[Channels];
    private FuzzApdu? _last;

    /// <summary>A mutator for one run.</summary>
    /// <param name="seed">Seed of the run: the same seed (and the same answers) gives the same APDUs.</param>
    /// <param name="isdrAid">The ISD-R AID (default A0000005591010FFFFFFFF8900000100).</param>
    /// <param name="minimumLength">
    /// Shortest APDU to produce, 0 to 4. Through vsmartcard's vpcd it is 2: vpcd forwards an empty APDU as nothing
    /// at all and then waits for an answer forever, and its wire format reads a 1-byte message as a control byte
    /// (power off, power on, reset, ATR), never as an APDU.
    /// </param>
    public ApduMutator(int seed, byte[]? isdrAid = null, int minimumLength = 2)
    {
        if (minimumLength is < 0 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(minimumLength), minimumLength, "0 to 4 bytes");
        }
        _rng = new Random(seed);
        _aid = isdrAid ?? IsdrOptions.DefaultIsdrAid;
        _minimumLength = minimumLength;
        _open[0] = true;
    }

    /// <summary>
    /// The next APDU to send. <paramref name="previousResponse"/> is the card's answer to the APDU returned by the
    /// previous call (empty for the first call, or when that APDU got no answer).
    /// </summary>
    public FuzzApdu Next(ReadOnlySpan<byte> previousResponse)
    {
        byte[] previous = previousResponse.ToArray();
        Learn(_last, previous);
        FuzzApdu next = NextCore(previous);
        _last = next;
        return next;
    }

    /// <summary>
    /// The status word a command must get whatever the card's state, or null: '6700' when its length bytes do not
    /// describe it as a short APDU, '6E00' for CLA 'FF', '6D00' for an INS the ISD-R does not know on the basic
    /// channel (CLA '00' / '80'), '6A86' for SELECT on the basic channel with P1-P2 other than '0400' / '040C';
    /// for TERMINAL CAPABILITY on the basic channel '6A86' for P1-P2 other than '0000', '6700' without data, '6A80'
    /// when the data does not start with the template tag 'A9'.
    /// </summary>
    public static StatusWord? ExpectedStatusWord(ReadOnlySpan<byte> apdu)
    {
        if (!IsShortApdu(apdu))
        {
            return StatusWords.WrongLength;
        }
        if (apdu[0] == 0xFF)
        {
            return StatusWords.ClassNotSupported;
        }
        if (apdu[0] is 0x00 or 0x80)
        {
            if (Array.IndexOf(KnownIns, apdu[1]) < 0)
            {
                return StatusWords.InstructionNotSupported;
            }
            if (apdu[0] == 0x00 && apdu[1] == InsSelect && (apdu[2] != 0x04 || apdu[3] is not (0x00 or 0x0C)))
            {
                return StatusWords.IncorrectP1P2;
            }
            if (apdu[0] == 0x80 && apdu[1] == InsTerminalCapability)
            {
                // ETSI TS 102 221 §11.1.19: P1 P2 '0000', data the terminal capability template 'A9'.
                return apdu[2] != 0 || apdu[3] != 0 ? StatusWords.IncorrectP1P2
                    : apdu.Length <= 5 ? StatusWords.WrongLength
                    : apdu[5] != 0xA9 ? StatusWords.IncorrectData
                    : null;
            }
        }
        return null;
    }

    /// <summary>True when the length bytes describe the buffer as a short command APDU of case 1 to 4 (ISO/IEC 7816-4 §5.1).</summary>
    public static bool IsShortApdu(ReadOnlySpan<byte> apdu)
    {
        if (apdu.Length < 4)
        {
            return false;
        }
        if (apdu.Length <= 5)
        {
            return true;
        }
        int lc = apdu[4];
        return lc != 0 && (apdu.Length == 5 + lc || apdu.Length == 6 + lc);
    }

    private FuzzApdu NextCore(byte[] previous)
    {
        while (_script.Count > 0)
        {
            FuzzApdu? step = _script.Dequeue()(previous);
            if (step is not null)
            {
                return step;
            }
        }
        if (previous.Length >= 2 && _last is not null && _last.Command.Length >= 4)
        {
            byte sw1 = previous[^2], sw2 = previous[^1];
            int channel = _last.Command[0] & 0x03;
            if (sw1 == 0x61 && _rng.Next(10) < 9)
            {
                return GetResponseAfter61(channel, sw2);
            }
            if (sw1 == 0x6C && _rng.Next(10) < 9 && IsShortApdu(_last.Command) && _last.Command.Length == 5)
            {
                // Wrong Le: the same command again with the Le the card named.
                byte[] again = [.. _last.Command[..4], sw2];
                StatusWord? expected = _last.Command[1] == InsGetResponse && sw2 != 0 ? StatusWords.NormalEnding : null;
                return new FuzzApdu(again, _last.Origin + " again with Le from 6Cxx", ApduMutation.None, expected);
            }
        }
        int pick = _rng.Next(100);
        if (pick < 12)
        {
            return MaybeMutate(ManageChannelSeed());
        }
        if (pick < 20)
        {
            return MaybeMutate(SelectSeed(AnyOpenChannel()));
        }
        if (pick < 58)
        {
            FuzzApdu storeData = StoreDataSeed(out FuzzApdu? select);
            return Sequence(select, MaybeMutate(storeData));
        }
        if (pick < 68)
        {
            return MultiBlockSeed();
        }
        if (pick < 90)
        {
            return ScriptedProbe();
        }
        if (pick < 94)
        {
            return MaybeMutate(_rng.Next(2) == 0
                ? Clean(Build((byte)AnyOpenChannel(), InsGetResponse, 0, 0, null, 0), "GET RESPONSE")
                : Clean(Convert.FromHexString("80AA000005A903830107"), "TERMINAL CAPABILITY"));
        }
        return RandomBytes();
    }

    /// <summary>Sends <paramref name="setup"/> first when there is one, then <paramref name="main"/>.</summary>
    private FuzzApdu Sequence(FuzzApdu? setup, FuzzApdu main)
    {
        if (setup is null)
        {
            return main;
        }
        _script.Enqueue(_ => main);
        return setup;
    }

    // ---- the clean corpus --------------------------------------------------------------------------------

    private FuzzApdu ManageChannelSeed()
    {
        int n = 1 + _rng.Next(Channels - 1);
        int from = AnyOpenChannel();
        return _rng.Next(7) switch
        {
            0 => Clean(Build(0x00, InsManageChannel, 0x00, 0x00, null, null), "MANAGE CHANNEL open (case 1)"),
            1 => Clean(Build((byte)from, InsManageChannel, 0x00, 0x00, null, 1), "MANAGE CHANNEL open (Le 01)"),
            2 => Clean(Build(0x00, InsManageChannel, 0x00, 0x00, null, 0), "MANAGE CHANNEL open (T=0, P3 00)"),
            3 => Clean(Build(0x00, InsManageChannel, 0x00, (byte)n, null, null), "MANAGE CHANNEL open by number"),
            4 => Clean(Build(0x00, InsManageChannel, 0x80, (byte)OpenLogicalChannelOr(n), null, 0), "MANAGE CHANNEL close (T=0, P3 00)"),
            _ => Clean(Build(0x00, InsManageChannel, 0x80, (byte)OpenLogicalChannelOr(n), null, null), "MANAGE CHANNEL close (case 1)"),
        };
    }

    private FuzzApdu SelectSeed(int channel) => _rng.Next(5) switch
    {
        0 => Clean(Build((byte)channel, InsSelect, 0x04, 0x00, _aid, _rng.Next(2) == 0 ? 0 : 1 + _rng.Next(40)), "SELECT ISD-R (FCI)"),
        1 => Clean(Build((byte)channel, InsSelect, 0x04, 0x0C, _aid, null), "SELECT ISD-R (no data)"),
        2 => Clean(Build((byte)channel, InsSelect, 0x04, 0x00, _aid[..(5 + _rng.Next(_aid.Length - 4))], null), "SELECT ISD-R (partial AID)"),
        _ => Clean(Build((byte)channel, InsSelect, 0x04, 0x00, _aid, null), "SELECT ISD-R"),
    };

    /// <summary>One ES10 command in one STORE DATA block, on a channel holding the ISD-R (selected first when none does).</summary>
    private FuzzApdu StoreDataSeed(out FuzzApdu? select)
    {
        var (name, der) = Es10Commands[_rng.Next(Es10Commands.Length)];
        int channel = ChannelForStoreData(out select);
        // No Le, Le '00', or a short Le that leaves the rest of a response for GET RESPONSE ('61xx').
        int? le = _rng.Next(3) switch
        {
            0 => null,
            1 => 0,
            _ => 1 + _rng.Next(64),
        };
        return Clean(Build((byte)(0x80 | channel), InsStoreData, IsdrFrontEnd.StoreDataLastBlock, 0x00, der, le), "STORE DATA " + name);
    }

    /// <summary>An ES10 command split over 2 to 4 STORE DATA blocks; one block may be mutated.</summary>
    private FuzzApdu MultiBlockSeed()
    {
        var (name, der) = Es10Commands[_rng.Next(Es10Commands.Length)];
        int channel = ChannelForStoreData(out FuzzApdu? select);
        int blocks = Math.Min(der.Length, 2 + _rng.Next(3));
        var cuts = new SortedSet<int>();
        while (cuts.Count < blocks - 1)
        {
            cuts.Add(1 + _rng.Next(der.Length - 1));
        }
        int[] bounds = [0, .. cuts, der.Length];
        int mutated = _rng.Next(3) == 0 ? -1 : _rng.Next(blocks);
        string origin = $"STORE DATA {name} in {blocks} blocks";
        var apdus = new List<FuzzApdu>();
        for (int i = 0; i < blocks; i++)
        {
            byte p1 = i == blocks - 1 ? IsdrFrontEnd.StoreDataLastBlock : IsdrFrontEnd.StoreDataMoreBlocks;
            FuzzApdu block = Clean(Build((byte)(0x80 | channel), InsStoreData, p1, (byte)i, der[bounds[i]..bounds[i + 1]], null), origin);
            apdus.Add(i == mutated ? Mutate(block) : block);
        }
        if (select is not null)
        {
            apdus.Insert(0, select);
        }
        foreach (FuzzApdu rest in apdus.Skip(1))
        {
            _script.Enqueue(_ => rest);
        }
        return apdus[0];
    }

    // ---- probes whose status word is known ---------------------------------------------------------------

    private FuzzApdu ScriptedProbe()
    {
        FuzzApdu selectBasic = Clean(Build(0x00, InsSelect, 0x04, 0x00, _aid, null), "SELECT ISD-R", StatusWords.NormalEnding);
        switch (_rng.Next(8))
        {
            case 0:
            case 1:
            {
                // A command on a channel closed just before: '6881' whatever it is.
                int n = 1 + _rng.Next(Channels - 1);
                FuzzApdu seed = _rng.Next(3) switch
                {
                    0 => SelectSeed(n),
                    1 => ManageChannelSeed(),
                    _ => StoreDataSeed(out _),
                };
                byte[] command = [.. seed.Command];
                command[0] = (byte)((command[0] & 0x80) | n);
                _script.Enqueue(_ => new FuzzApdu(command, seed.Origin + $" on closed channel {n}", ApduMutation.ClosedChannel,
                    ExpectedStatusWord(command) ?? StatusWords.LogicalChannelNotSupported));
                return Clean(Build(0x00, InsManageChannel, 0x80, (byte)n, null, _rng.Next(2) == 0 ? 0 : null), "MANAGE CHANNEL close");
            }
            case 2:
            {
                // STORE DATA block out of sequence: '6A86'.
                byte[] der = Es10Commands[_rng.Next(Es10Commands.Length)].Der;
                int cut = 1 + _rng.Next(der.Length - 1);
                bool noChain = _rng.Next(3) == 0;
                byte p2 = noChain ? (byte)(1 + _rng.Next(255)) : (byte)(2 + _rng.Next(254));
                if (!noChain)
                {
                    _script.Enqueue(_ => Clean(Build(0x80, InsStoreData, IsdrFrontEnd.StoreDataMoreBlocks, 0x00, der[..cut], null),
                        "STORE DATA first block", StatusWords.NormalEnding));
                }
                _script.Enqueue(_ => new FuzzApdu(Build(0x80, InsStoreData, IsdrFrontEnd.StoreDataLastBlock, p2, der[cut..], null),
                    $"STORE DATA block {p2}" + (noChain ? " without block 0" : " after block 0"), ApduMutation.WrongBlockNumber, StatusWords.IncorrectP1P2));
                return selectBasic;
            }
            case 3:
            {
                // STORE DATA with P1 neither '11' nor '91': '6A86'.
                var (name, der) = Es10Commands[_rng.Next(Es10Commands.Length)];
                byte[] wrong = [0x01, 0x10, 0x81, 0x90, 0x00, 0x80, 0x13, 0x93, 0x19, 0x99, 0x51, 0xD1, (byte)_rng.Next(256)];
                byte p1 = wrong[_rng.Next(wrong.Length)];
                if (p1 is IsdrFrontEnd.StoreDataMoreBlocks or IsdrFrontEnd.StoreDataLastBlock)
                {
                    p1 = 0x01;
                }
                _script.Enqueue(_ => new FuzzApdu(Build(0x80, InsStoreData, p1, 0x00, der, null), $"STORE DATA {name} with P1 {p1:X2}",
                    ApduMutation.WrongChainingP1, StatusWords.IncorrectP1P2));
                return selectBasic;
            }
            case 4:
            {
                // T=0: open with P3 '00', then close the channel it gave with the 5-byte case 1 form (lpac's close).
                _script.Enqueue(opened => opened is [byte n and >= 1 and <= 3, 0x90, 0x00]
                    ? Clean(Build(0x00, InsManageChannel, 0x80, n, null, 0), "MANAGE CHANNEL close (T=0, P3 00)", StatusWords.NormalEnding)
                    : null);
                return Clean(Build(0x00, InsManageChannel, 0x00, 0x00, null, 0), "MANAGE CHANNEL open (T=0, P3 00)");
            }
            case 5:
            {
                // A fresh channel opened from the basic one holds nothing: STORE DATA there is '6985'; then it closes.
                var (name, der) = Es10Commands[_rng.Next(Es10Commands.Length)];
                int fresh = -1;
                _script.Enqueue(opened =>
                {
                    fresh = opened is [byte n and >= 1 and <= 3, 0x90, 0x00] ? n : -1;
                    return fresh < 0 ? null : Clean(Build((byte)(0x80 | fresh), InsStoreData, IsdrFrontEnd.StoreDataLastBlock, 0x00, der, null),
                        $"STORE DATA {name} before SELECT", StatusWords.ConditionsOfUseNotSatisfied);
                });
                _script.Enqueue(_ => fresh < 0 ? null
                    : Clean(Build(0x00, InsManageChannel, 0x80, (byte)fresh, null, null), "MANAGE CHANNEL close", StatusWords.NormalEnding));
                return Clean(Build(0x00, InsManageChannel, 0x00, 0x00, null, 1), "MANAGE CHANNEL open (Le 01)");
            }
            case 6:
            {
                // Nothing to fetch: GET RESPONSE is '6985'.
                _script.Enqueue(_ => Clean(Build(0x00, InsGetResponse, 0x00, 0x00, null, _rng.Next(256)), "GET RESPONSE with nothing pending",
                    StatusWords.ConditionsOfUseNotSatisfied));
                return selectBasic;
            }
            default:
            {
                // SELECT of something that is not the ISD-R on the basic channel: '6A82' (255 bytes, or too short a prefix).
                byte[] aid = _rng.Next(2) == 0
                    ? [.. _aid, .. RandomData(255 - _aid.Length)]
                    : _aid[..(1 + _rng.Next(4))];
                ApduMutation kind = aid.Length == 255 ? ApduMutation.LongData : ApduMutation.Truncated;
                return new FuzzApdu(Build(0x00, InsSelect, 0x04, 0x00, aid, null), $"SELECT of a {aid.Length}-byte AID", kind, StatusWords.FileOrApplicationNotFound);
            }
        }
    }

    /// <summary>GET RESPONSE after '61xx' on the channel that answered it: mostly clean, sometimes wrong.</summary>
    private FuzzApdu GetResponseAfter61(int channel, byte sw2)
    {
        byte cla = (byte)((_rng.Next(4) == 0 ? 0x80 : 0x00) | channel);
        const string Origin = "GET RESPONSE after 61xx";
        if (_rng.Next(4) != 0)
        {
            // '61xx' with xx > 0: exactly xx bytes are left, so Le = xx ends with '9000'.
            return Clean(Build(cla, InsGetResponse, 0, 0, null, sw2), Origin, sw2 != 0 ? StatusWords.NormalEnding : null);
        }
        switch (_rng.Next(4))
        {
            case 0 when sw2 is > 0 and < 255:
                byte more = (byte)(sw2 + 1 + _rng.Next(255 - sw2));
                return new FuzzApdu(Build(cla, InsGetResponse, 0, 0, null, more), Origin + $" asking {more}", ApduMutation.WrongGetResponse, StatusWord.WrongLe(sw2));
            case 1 when sw2 > 1:
                byte fewer = (byte)(1 + _rng.Next(sw2 - 1));
                return new FuzzApdu(Build(cla, InsGetResponse, 0, 0, null, fewer), Origin + $" asking {fewer}", ApduMutation.WrongGetResponse,
                    StatusWord.BytesAvailable(sw2 - fewer));
            case 2:
                byte p1 = (byte)(1 + _rng.Next(255)), p2 = (byte)_rng.Next(256);
                return new FuzzApdu(Build(cla, InsGetResponse, p1, p2, null, sw2), Origin + " with P1-P2", ApduMutation.WrongGetResponse, StatusWords.IncorrectP1P2);
            default:
                return new FuzzApdu(Build(cla, InsGetResponse, 0, 0, RandomData(1 + _rng.Next(8)), sw2), Origin + " with data", ApduMutation.WrongGetResponse,
                    StatusWords.WrongLength);
        }
    }

    private FuzzApdu RandomBytes()
    {
        byte[] bytes = RandomData(Math.Max(_minimumLength, 2) + _rng.Next(260));
        return new FuzzApdu(bytes, "random bytes", ApduMutation.RandomBytes, ExpectedStatusWord(bytes));
    }

    // ---- mutations ---------------------------------------------------------------------------------------

    private FuzzApdu MaybeMutate(FuzzApdu clean) => _rng.Next(10) < 7 ? Mutate(clean) : clean;

    private FuzzApdu Mutate(FuzzApdu clean)
    {
        byte[] c = clean.Command;
        bool storeData = c.Length > 5 && c[1] == InsStoreData && IsShortApdu(c);
        ApduMutation kind = storeData && _rng.Next(2) == 0
            ? StoreDataMutations[_rng.Next(StoreDataMutations.Length)]
            : GeneralMutations[_rng.Next(GeneralMutations.Length)];
        byte[] bytes = kind switch
        {
            ApduMutation.BitFlip => BitFlip(c),
            ApduMutation.RandomByte => RandomByte(c),
            ApduMutation.Truncated when c.Length > 4 => c[..(4 + _rng.Next(c.Length - 4))],
            ApduMutation.Truncated or ApduMutation.TruncatedBelowHeader => c[..Math.Min(c.Length, _minimumLength + _rng.Next(4 - Math.Min(_minimumLength, 3)))],
            ApduMutation.WrongLc => WrongLc(c),
            ApduMutation.ExtendedLength => Extended(c),
            ApduMutation.RandomCla => [(byte)_rng.Next(256), .. c[1..]],
            ApduMutation.RandomIns => [c[0], (byte)_rng.Next(256), .. c[2..]],
            ApduMutation.RandomP1P2 => RandomP1P2(c),
            ApduMutation.AppendedBytes => [.. c, .. RandomData(1 + _rng.Next(40))],
            ApduMutation.LongData => LongData(c),
            ApduMutation.GarbageTlvLength => WithPayload(c, GarbageLength(Payload(c))),
            ApduMutation.Es10BitFlip => WithPayload(c, BitFlip(Payload(c))),
            _ => c,
        };
        if (kind == ApduMutation.Truncated && c.Length <= 4)
        {
            kind = ApduMutation.TruncatedBelowHeader;
        }
        return new FuzzApdu(bytes, clean.Origin, kind, ExpectedStatusWord(bytes));
    }

    private byte[] BitFlip(byte[] c)
    {
        byte[] b = [.. c];
        b[_rng.Next(b.Length)] ^= (byte)(1 << _rng.Next(8));
        return b;
    }

    private byte[] RandomByte(byte[] c)
    {
        byte[] b = [.. c];
        b[_rng.Next(b.Length)] = (byte)_rng.Next(256);
        return b;
    }

    private byte[] RandomP1P2(byte[] c)
    {
        byte[] b = [.. c];
        int which = _rng.Next(3);
        if (which != 1)
        {
            b[2] = (byte)_rng.Next(256);
        }
        if (which != 0)
        {
            b[3] = (byte)_rng.Next(256);
        }
        return b;
    }

    /// <summary>An Lc that is neither the data length nor one less (which would read as case 4): always a wrong length.</summary>
    private byte[] WrongLc(byte[] c)
    {
        byte[] data = c.Length > 5 && IsShortApdu(c) ? c.AsSpan(5, c[4]).ToArray() : RandomData(1 + _rng.Next(8));
        int[] deltas = [-4, -3, -2, 1, 2, 3, 40, 200];
        int lc;
        do
        {
            lc = data.Length + deltas[_rng.Next(deltas.Length)];
        }
        while (lc is < 1 or > 255);
        return [.. c[..4], (byte)lc, .. data];
    }

    /// <summary>The same command with extended length fields ('00' then 2-byte Lc; 2-byte Le, or '00' + 2-byte Le alone).</summary>
    private byte[] Extended(byte[] c)
    {
        byte[] header = c[..Math.Min(4, c.Length)];
        if (header.Length < 4 || !IsShortApdu(c))
        {
            return [.. header, 0x00, 0x00, (byte)_rng.Next(256)];
        }
        if (c.Length == 4)
        {
            return [.. header, 0x00, 0x00, 0x00];
        }
        if (c.Length == 5)
        {
            return [.. header, 0x00, 0x00, c[4]];
        }
        byte[] data = c.AsSpan(5, c[4]).ToArray();
        bool le = c.Length == 6 + c[4] || _rng.Next(3) == 0;
        return le ? [.. header, 0x00, 0x00, (byte)data.Length, .. data, 0x00, 0x00] : [.. header, 0x00, 0x00, (byte)data.Length, .. data];
    }

    /// <summary>A data field of exactly 255 bytes: the command's own data followed by random bytes, or random bytes alone.</summary>
    private byte[] LongData(byte[] c)
    {
        byte[] own = c.Length > 5 && IsShortApdu(c) ? c.AsSpan(5, c[4]).ToArray() : [];
        byte[] data = _rng.Next(2) == 0 ? [.. own, .. RandomData(255 - own.Length)] : RandomData(255);
        bool le = c.Length == 5 || (c.Length > 5 && IsShortApdu(c) && c.Length == 6 + c[4]);
        return le ? [.. c[..4], 0xFF, .. data, 0x00] : [.. c[..4], 0xFF, .. data];
    }

    private static byte[] Payload(byte[] storeData) => storeData.AsSpan(5, storeData[4]).ToArray();

    /// <summary>The STORE DATA with another payload (at most 255 bytes), Lc and Le adjusted.</summary>
    private static byte[] WithPayload(byte[] storeData, byte[] payload)
    {
        payload = payload.Length > 255 ? payload[..255] : payload;
        bool le = storeData.Length == 6 + storeData[4];
        return le ? [.. storeData[..4], (byte)payload.Length, .. payload, storeData[^1]] : [.. storeData[..4], (byte)payload.Length, .. payload];
    }

    /// <summary>
    /// The ES10 command with a length that lies: beyond the data, long forms '84' / '85' with huge values, indefinite
    /// '80' (with or without end-of-contents), non-minimal '81', or an inner TLV whose length runs past its parent.
    /// </summary>
    private byte[] GarbageLength(byte[] der)
    {
        // The first tag: one byte, or more when its low five bits are all set (BF xx).
        int tagLength = (der[0] & 0x1F) == 0x1F ? 2 : 1;
        if (der.Length <= tagLength)
        {
            return [.. der, 0x84, 0xFF, 0xFF, 0xFF, 0xFF];
        }
        byte[] tag = der[..tagLength];
        int lengthOfLength = der[tagLength] < 0x80 ? 1 : 1 + (der[tagLength] & 0x7F);
        byte[] content = der.Length > tagLength + lengthOfLength ? der[(tagLength + lengthOfLength)..] : [];
        switch (_rng.Next(8))
        {
            case 0:
                return [.. tag, (byte)Math.Min(0x7F, content.Length + 1 + _rng.Next(100)), .. content];
            case 1:
                return [.. tag, 0x84, .. RandomOf<byte[]>([0xFF, 0xFF, 0xFF, 0xFF], [0x7F, 0xFF, 0xFF, 0xFF], [0x00, 0x00, 0x00, (byte)content.Length], [0x80, 0x00, 0x00, 0x00]), .. content];
            case 2:
                return [.. tag, 0x85, .. RandomData(5), .. content];
            case 3:
                return [.. tag, 0x80, .. content];
            case 4:
                return [.. tag, 0x80, .. content, 0x00, 0x00];
            case 5:
                return [.. tag, 0x81, (byte)content.Length, .. content];
            case 6 when content.Length >= 2:
                // The inner TLV claims more than the outer one holds.
                byte[] inner = [.. content];
                inner[1] = RandomOf<byte>(0x7F, 0x81, 0x82, 0x84, 0x80, (byte)(content.Length + 5));
                return [.. tag, (byte)inner.Length, .. inner];
            default:
                return [.. tag, (byte)Math.Min(0x7F, content.Length + 1 + _rng.Next(4)), .. content[..Math.Max(0, content.Length - 1)]];
        }
    }

    // ---- what the card's answers tell -------------------------------------------------------------------

    /// <summary>Keeps track of the open channels and of those holding the ISD-R, from the card's answers.</summary>
    private void Learn(FuzzApdu? last, byte[] response)
    {
        if (last is null || response.Length < 2)
        {
            return;
        }
        CommandApdu? command = CommandApdu.TryParse(last.Command);
        ClassByte? cla = command is null ? null : ClassByte.TryDecode(command.Cla, out _);
        if (command is null || cla is null)
        {
            return;
        }
        var sw = new StatusWord(response[^2], response[^1]);
        int channel = cla.Value.Channel;
        bool ok = sw == StatusWords.NormalEnding || sw.Sw1 == 0x61;
        if (sw == StatusWords.LogicalChannelNotSupported && channel < Channels)
        {
            _open[channel] = channel == 0;
            _selected[channel] &= channel == 0;
            return;
        }
        switch (command.Ins)
        {
            case InsManageChannel when ok && cla.Value.Kind == ClassKind.Interindustry && command.P1 == 0x00:
                int opened = command.P2 != 0 ? command.P2 : response.Length == 3 ? response[0] : -1;
                if (opened is >= 1 and < Channels)
                {
                    _open[opened] = true;
                    _selected[opened] = channel != 0 && _selected[channel];
                }
                break;
            case InsManageChannel when ok && cla.Value.Kind == ClassKind.Interindustry && command.P1 == 0x80 && command.P2 is >= 1 and < Channels:
                _open[command.P2] = false;
                _selected[command.P2] = false;
                break;
            case InsSelect when ok && cla.Value.Kind == ClassKind.Interindustry:
                _selected[channel] = true;
                break;
            case InsStoreData when sw == StatusWords.ConditionsOfUseNotSatisfied:
                _selected[channel] = false;
                break;
            default:
                break;
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    /// <summary>A channel for STORE DATA: one holding the ISD-R, or an open one, with the SELECT to send there first.</summary>
    private int ChannelForStoreData(out FuzzApdu? select)
    {
        int[] selected = [.. Enumerable.Range(0, Channels).Where(c => _open[c] && _selected[c])];
        if (selected.Length > 0 && _rng.Next(5) != 0)
        {
            select = null;
            return selected[_rng.Next(selected.Length)];
        }
        int channel = AnyOpenChannel();
        select = SelectSeed(channel);
        return channel;
    }

    private static FuzzApdu Clean(byte[] command, string origin, StatusWord? expected = null) =>
        new(command, origin, ApduMutation.None, expected ?? ExpectedStatusWord(command));

    private int AnyOpenChannel()
    {
        int[] open = [.. Enumerable.Range(0, Channels).Where(c => _open[c])];
        return open[_rng.Next(open.Length)];
    }

    private int OpenLogicalChannelOr(int fallback)
    {
        int[] open = [.. Enumerable.Range(1, Channels - 1).Where(c => _open[c])];
        return open.Length > 0 && _rng.Next(4) != 0 ? open[_rng.Next(open.Length)] : fallback;
    }

    private byte[] RandomData(int length)
    {
        var b = new byte[length];
        _rng.NextBytes(b);
        return b;
    }

    private T RandomOf<T>(params T[] choices) => choices[_rng.Next(choices.Length)];

    /// <summary>A short command APDU: header, then Lc and data when there is data, then Le (0..255, '00' meaning 256) when given.</summary>
    private static byte[] Build(byte cla, byte ins, byte p1, byte p2, byte[]? data, int? le)
    {
        var apdu = new List<byte>(6 + (data?.Length ?? 0)) { cla, ins, p1, p2 };
        if (data is { Length: > 0 })
        {
            apdu.Add((byte)data.Length);
            apdu.AddRange(data);
        }
        if (le is int l)
        {
            apdu.Add((byte)l);
        }
        return [.. apdu];
    }
}
