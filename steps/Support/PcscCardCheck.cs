using Conformance.Adapters.Es10;
using Conformance.Adapters.Http;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Crypto;
using Conformance.Rsp.Pki;

namespace Conformance.Steps.Support;

/// <summary>
/// The fail-fast check of a PC/SC eUICC before any scenario (./conformance run, check-config): the card answers in its
/// reader, the ISD-R is selectable with the configured AID, and the card trusts a CI of the run's PKI, i.e. one of
/// the run's CI key identifiers is in euiccCiPKIdListForVerification of EUICCInfo1 (SGP.22 v2.5 §5.7.8). Otherwise
/// every authentication of the run would fail on the CI, far from the cause.
/// </summary>
public static class PcscCardCheck
{
    /// <summary>One line for the console: reader, protocol, ATR and the CI the card trusts.</summary>
    /// <exception cref="EuiccUnavailableException">No service, reader or card; ISD-R not selectable; no common CI.</exception>
    public static async Task<string> CheckAsync(TargetConfig config, TestPki pki, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(pki);
        await using PcscEuiccUnderTest euicc = await PcscEuiccUnderTest.OpenAsync(new PcscCardSlot(PcscCardSlot.OptionsFor(config)), ct).ConfigureAwait(false);
        string card = $"reader '{euicc.Reader}', {(euicc.Protocol == Adapters.Pcsc.PcscProtocols.T1 ? "T=1" : "T=0")}, ATR {Convert.ToHexString(euicc.Transport.Atr)}";
        EUICCInfo1 info;
        try
        {
            Es10Client es10 = await Es10Client.OpenAsync(euicc.Transport, NullExchangeRecorder.Instance, config.Isdr, ct: ct).ConfigureAwait(false);
            await using (es10.Session.ConfigureAwait(false))
            {
                info = (await es10.GetEuiccInfo1Async(ct).ConfigureAwait(false)).Value;
            }
        }
        catch (Exception e) when (e is Es10Exception or Adapters.Apdu.ApduStatusException or Adapters.Apdu.ApduProtocolException or Adapters.Pcsc.PcscException)
        {
            throw new EuiccUnavailableException(
                $"The card in reader '{euicc.Reader}' did not answer GetEUICCInfo1 on the ISD-R {Convert.ToHexString(config.Isdr.IsdrAid)}: {e.Message.TrimEnd('.')}.");
        }

        var trusted = pki.Curves.Where(c => c.Ci.Certificate.SubjectKeyIdentifier is { } ski
            && info.EuiccCiPKIdListForVerification.Any(id => id.AsSpan().SequenceEqual(ski))).ToList();
        if (trusted.Count == 0)
        {
            string ours = string.Join(", ", pki.Curves.Select(c => $"{c.Curve.ShortName()} {Convert.ToHexString(c.Ci.Certificate.SubjectKeyIdentifier ?? [])}"));
            string its = string.Join(", ", info.EuiccCiPKIdListForVerification.Select(Convert.ToHexString));
            throw new EuiccUnavailableException(
                $"The card in reader '{euicc.Reader}' trusts none of the run's CIs (ours: {ours}; its euiccCiPKIdListForVerification: {(its.Length == 0 ? "empty" : its)}): give --pki the PKI the card was made with.");
        }

        return $"{card}, trusts the CI of {string.Join(" and ", trusted.Select(c => c.Curve.ShortName()))}";
    }
}
