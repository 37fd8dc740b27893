using Conformance.Rsp.Asn1.Messages;

namespace Conformance.Adapters.Es10;

// ES10b.LoadBoundProfilePackage (SGP.22 v2.5 §5.7.6, transfer §2.5.5).
public sealed partial class Es10Client
{
    private const string LoadBpp = "ES10b LoadBoundProfilePackage";

    /// <summary>
    /// Sends the BPP as the separate STORE DATA sequences of <see cref="BoundProfilePackage.ToLpaChunks"/> and
    /// returns the ProfileInstallationResult ('BF37'). The eUICC may answer it early (after an error); the
    /// LPA then stops sending.
    /// </summary>
    public Task<LoadBoundProfilePackageResult> LoadBoundProfilePackageAsync(BoundProfilePackage bpp, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(bpp);
        return LoadBoundProfilePackageAsync(bpp.ToLpaChunks(), ct);
    }

    /// <summary>The same with the sequences given (reordered, altered or oversized ones for negative tests).</summary>
    public async Task<LoadBoundProfilePackageResult> LoadBoundProfilePackageAsync(IReadOnlyList<byte[]> sequences, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        if (sequences.Count == 0)
        {
            throw new ArgumentException("a bound profile package has at least one STORE DATA sequence", nameof(sequences));
        }
        using var whole = new CancellationTokenSource(Options.LoadBoundProfilePackageTimeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, whole.Token);
        for (int i = 0; i < sequences.Count; i++)
        {
            string label = $"{LoadBpp} sequence {i + 1} of {sequences.Count}";
            byte[] response;
            try
            {
                (response, _) = await ExchangeAsync(LoadBpp, sequences[i], Options.Timeout, linked.Token, label).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (whole.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                throw new Es10TimeoutException(LoadBpp, sequences[i], Options.LoadBoundProfilePackageTimeout, e);
            }
            if (response.Length == 0)
            {
                continue;
            }
            ProfileInstallationResult result = Decode(LoadBpp, sequences[i], response, "ProfileInstallationResult", d => ProfileInstallationResult.Decode(d));
            return new LoadBoundProfilePackageResult(result, response, i + 1, sequences.Count);
        }
        throw new Es10ProtocolException(LoadBpp, sequences[^1],
            $"the eUICC returned no ProfileInstallationResult after the last of {sequences.Count} STORE DATA sequences");
    }
}
