using Conformance.Adapters.Es10;
using Conformance.Adapters.Pcsc;
using Conformance.Steps.Drivers;
using Conformance.Steps.Support;

namespace Conformance.Steps.StepDefinitions;

/// <summary>
/// MANAGE CHANNEL as an LPA sends it (ETSI TS 102 221 §11.1.17, GlobalPlatform §11.7; SGP.22 v2.5 §5.7.2: the LPA
/// reaches the ISD-R on a logical channel), APDU by APDU through the eUICC target's transport, every one recorded.
/// Close is a case 1 command; over T=0 its TPDU is the 5-byte header with P3 = '00' (ISO/IEC 7816-3 §12.2.2), the
/// form lpac sends (<c>00 70 80 01 00</c>).
/// </summary>
[Binding]
public sealed class ManageChannelSteps(EuiccDriver euicc, EuiccTrace trace, HarnessRun run)
{
    private static readonly byte[] Ok = [0x90, 0x00];
    private int _channel;
    private byte[] _closeApdu = [];
    private byte[] _closeAnswer = [];
    private string _closeForm = "";

    [Given(@"^the card speaks T=0$")]
    public void SpeaksT0()
    {
        IEuiccUnderTest card = euicc.Card;
        if (card is PcscEuiccUnderTest pcsc)
        {
            if (pcsc.Protocol != PcscProtocols.T0)
            {
                Assert.Ignore($"Not applicable to this target: {card.Description} was connected with {pcsc.Protocol}, and the 5-byte close is the T=0 TPDU of a case 1 command (setting pcscProtocol t0 asks for T=0).");
            }
            return;
        }
        CardAtr atr = CardAtr.Parse(card.Transport.Atr);
        if (!atr.Protocols.Contains(0))
        {
            Assert.Ignore($"Not applicable to this target: the ATR {Convert.ToHexString(card.Transport.Atr)} of {card.Description} offers no T=0.");
        }
    }

    [Given(@"^the LPA has opened a logical channel and selected the ISD-R on it$")]
    public Task OpenAndSelect() => EuiccDriver.Checked(async () =>
    {
        var transport = new RecordingApduTransport(euicc.Card.Transport, trace);
        byte[] open = await transport.TransmitAsync([0x00, 0x70, 0x00, 0x00, 0x01], CancellationToken.None).ConfigureAwait(false);
        Assert.That(open is [>= 1 and <= 19, 0x90, 0x00], Is.True,
            $"MANAGE CHANNEL open answered {Convert.ToHexString(open)}, not one channel number and '9000'");
        _channel = open[0];
        byte[] aid = run.Config.Isdr.IsdrAid;
        byte[] select = await transport.TransmitAsync([Iso(_channel), 0xA4, 0x04, 0x00, (byte)aid.Length, .. aid], CancellationToken.None).ConfigureAwait(false);
        Assert.That(Sw(select), Is.EqualTo(Ok), $"SELECT ISD-R on channel {_channel} answered SW {Convert.ToHexString(Sw(select))}");
    });

    [When(@"^the LPA closes that channel with the (4-byte|5-byte \(P3 = '00'\)) MANAGE CHANNEL close$")]
    public Task Close(string form) => EuiccDriver.Checked(async () =>
    {
        var transport = new RecordingApduTransport(euicc.Card.Transport, trace);
        _closeForm = form;
        _closeApdu = form == "4-byte" ? [0x00, 0x70, 0x80, (byte)_channel] : [0x00, 0x70, 0x80, (byte)_channel, 0x00];
        _closeAnswer = await transport.TransmitAsync(_closeApdu, CancellationToken.None).ConfigureAwait(false);
    });

    /// <summary>The status word of a response APDU (all of it when shorter than two bytes).</summary>
    private static byte[] Sw(byte[] response) => response.Length < 2 ? response : response[^2..];

    /// <summary>Interindustry CLA of a logical channel (ISO/IEC 7816-4 §5.4.1): '0X' for 1..3, '4X' for 4..19.</summary>
    private static byte Iso(int channel) => channel < 4 ? (byte)channel : (byte)(0x40 | (channel - 4));

    [Then(@"^the eUICC closes the channel: '9000', and the channel no longer answers$")]
    public Task Closed() => EuiccDriver.Checked(async () =>
    {
        Assert.That(_closeAnswer, Is.EqualTo(Ok),
            $"ETSI TS 102 221 §11.1.17, ISO/IEC 7816-3 §12.2.2: MANAGE CHANNEL close in its {_closeForm} form ({Convert.ToHexString(_closeApdu)}) is a case 1 command and must close channel {_channel} with '9000', got {Convert.ToHexString(_closeAnswer)}");
        var transport = new RecordingApduTransport(euicc.Card.Transport, trace);
        byte[] aid = run.Config.Isdr.IsdrAid;
        byte[] select = await transport.TransmitAsync([Iso(_channel), 0xA4, 0x04, 0x00, (byte)aid.Length, .. aid], CancellationToken.None).ConfigureAwait(false);
        Assert.That(Sw(select), Is.Not.EqualTo(Ok), $"ETSI TS 102 221 §11.1.17: after MANAGE CHANNEL close, channel {_channel} is closed; a SELECT on it answered '9000'");
    });
}
