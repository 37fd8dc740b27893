using Conformance.Euicc.Es10;
using Conformance.Euicc.Tests.Support;
using Conformance.Testing.Pcsc;

namespace Conformance.Euicc.Tests.Pcsc;

/// <summary>
/// One private pcscd with a vpcd reader and the emulated eUICC (the real <see cref="Es10Handler"/>) as its card, for
/// every fixture of this namespace: libpcsclite reads the pcscd socket (PCSCLITE_CSOCK_NAME) once per process, so a
/// second private pcscd started by another fixture of the same test run would never be reached. Ignores the
/// fixtures, with the reason, only when pcscd / vpcd cannot be installed.
/// </summary>
[SetUpFixture]
public class PcscCard
{
    internal static PcscRig Rig { get; private set; } = null!;

    internal static Es10Handler Handler { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartPcscdAndTheEmulatedEuicc()
    {
        Handler = new Es10Handler(TestCard.Identity);
        Rig = await PcscRig.StartAsync(Handler, "euicc-pcsc");
    }

    [OneTimeTearDown]
    public async Task StopEverything()
    {
        if (Rig is not null)
        {
            await Rig.DisposeAsync();
        }
        Handler?.Dispose();
    }
}
