namespace Conformance.Steps.Drivers;

/// <summary>
/// The structure of an Answer To Reset (ISO/IEC 7816-3 §8.2): TS, T0, the interface bytes announced by the
/// Y nibbles, the K historical bytes, and TCK when any protocol other than T=0 is offered. Problems are
/// sentences citing the clause; an empty list means the ATR is well formed.
/// </summary>
public sealed record CardAtr(IReadOnlyList<int> Protocols, int HistoricalBytes, IReadOnlyList<string> Problems)
{
    public static CardAtr Parse(ReadOnlySpan<byte> atr)
    {
        var problems = new List<string>();
        var protocols = new List<int>();
        if (atr.Length < 2)
        {
            return new CardAtr(protocols, 0, [$"ISO/IEC 7816-3 §8.2: an ATR has at least TS and T0, got {atr.Length} byte(s)"]);
        }

        if (atr[0] is not (0x3B or 0x3F))
        {
            problems.Add($"ISO/IEC 7816-3 §8.1: TS must be '3B' (direct) or '3F' (inverse convention), got '{atr[0]:X2}'");
        }

        int k = atr[1] & 0x0F;
        int y = atr[1] >> 4;
        int i = 2;
        while (true)
        {
            i += BitCount(y & 0x7);
            if ((y & 0x8) == 0)
            {
                break;
            }

            if (i >= atr.Length)
            {
                problems.Add("ISO/IEC 7816-3 §8.2.3: the ATR ends inside its interface bytes");
                return new CardAtr(protocols, k, problems);
            }

            byte td = atr[i++];
            protocols.Add(td & 0x0F);
            y = td >> 4;
        }

        if (protocols.Count == 0)
        {
            protocols.Add(0);
        }

        bool tck = protocols.Any(p => p != 0);
        int expected = i + k + (tck ? 1 : 0);
        if (atr.Length != expected)
        {
            problems.Add($"ISO/IEC 7816-3 §8.2: the interface bytes and {k} historical bytes{(tck ? " and TCK" : "")} make {expected} bytes, the ATR has {atr.Length}");
        }
        else if (tck)
        {
            byte x = 0;
            foreach (byte b in atr[1..])
            {
                x ^= b;
            }

            if (x != 0)
            {
                problems.Add($"ISO/IEC 7816-3 §8.2.5: TCK '{atr[^1]:X2}' does not make the exclusive-or of T0..TCK zero");
            }
        }

        return new CardAtr(protocols.Where(p => p != 15).Distinct().ToList(), k, problems);
    }

    private static int BitCount(int v) => System.Numerics.BitOperations.PopCount((uint)v);
}
