using System.Formats.Asn1;
using Conformance.Euicc.Card;

namespace Conformance.Euicc.Es10;

/// <summary>
/// One ES10 function of SGP.22 v2.5 §5.7, selected by the outer tag of its request. It decodes the request
/// strictly (an <c>Asn1DecodeException</c> answers '6A80'), applies the function's rules and returns the DER of
/// the response, the spec's error response included; <see cref="Apdu.Es10StatusException"/> answers a status word.
/// </summary>
internal interface IEs10Function
{
    /// <summary>The outer tag of the request ('BF2E' for GetEUICCChallenge ...).</summary>
    Asn1Tag Tag { get; }

    byte[] Execute(ReadOnlyMemory<byte> command, EuiccCard card);
}
