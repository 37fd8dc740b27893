namespace Conformance.Euicc.Apdu;

/// <summary>
/// The seam between the ISD-R APDU front end and the ES10a/b/c (and ES8+ via LoadBoundProfilePackage)
/// function logic. The front end hands over each complete ES10 command, reassembled from its
/// STORE DATA blocks (SGP.22 v2.5 §5.7.2), and chains the answer back with '61xx' / GET RESPONSE.
/// </summary>
public interface IEs10Handler
{
    /// <summary>
    /// Executes one ES10 command (the DER of the request, tag included) and returns the DER of the
    /// response. To answer a status word instead of data, throw <see cref="Es10StatusException"/>.
    /// </summary>
    byte[] Handle(ReadOnlySpan<byte> command);

    /// <summary>
    /// Power-off or reset of the card: forget volatile session state (e.g. an open RSP session,
    /// a half-loaded bound profile package). Persistent card data stays.
    /// </summary>
    void Reset();
}

/// <summary>Thrown by an <see cref="IEs10Handler"/> to answer a status word and no data.</summary>
public sealed class Es10StatusException(StatusWord statusWord, string reason)
    : Exception($"ES10 command answered {statusWord}: {reason}")
{
    public StatusWord StatusWord { get; } = statusWord;
}
