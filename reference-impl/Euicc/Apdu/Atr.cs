namespace Conformance.Euicc.Apdu;

/// <summary>
/// The Answer To Reset of the emulated eUICC (ISO/IEC 7816-3 §8, ETSI TS 102 221 §6.3). It offers
/// T=0 first (readers and LPAs connect with T=0 first) and T=1, and announces four logical channels.
/// </summary>
public static class Atr
{
    /// <summary>
    /// 3B 87 80 B1 FE 45 1F C7 80 31 E0 73 FE 21 1B 33, byte by byte:
    /// <list type="table">
    /// <item>3B  TS: direct convention.</item>
    /// <item>87  T0: TD1 follows (b8); 7 historical bytes.</item>
    /// <item>80  TD1: TD2 follows; protocol T=0 offered.</item>
    /// <item>B1  TD2: TA3, TB3 and TD3 follow; protocol T=1 offered.</item>
    /// <item>FE  TA3: T=1 IFSC = 254 bytes.</item>
    /// <item>45  TB3: T=1 BWI = 4, CWI = 5.</item>
    /// <item>1F  TD3: TA4 follows; T=15 (global interface bytes).</item>
    /// <item>C7  TA4: clock stop, no preference; supply classes A, B and C (5 V, 3 V, 1.8 V).</item>
    /// <item>80  historical bytes: category indicator, COMPACT-TLV objects follow.</item>
    /// <item>31 E0  card service data: selection by full DF name and by partial DF name, EF.DIR present.</item>
    /// <item>73 FE 21 1B  card capabilities: DF selection methods; data coding; no command chaining,
    ///   no extended Lc/Le, logical channels assigned by card and by interface device, 4 channels.</item>
    /// <item>33  TCK: exclusive-or of T0 to the last historical byte (present because T=1 is offered).</item>
    /// </list>
    /// </summary>
    public static ReadOnlySpan<byte> Default =>
        [0x3B, 0x87, 0x80, 0xB1, 0xFE, 0x45, 0x1F, 0xC7, 0x80, 0x31, 0xE0, 0x73, 0xFE, 0x21, 0x1B, 0x33];
}
