using System.Formats.Asn1;
using Conformance.Euicc.Card;
using Conformance.Rsp.Asn1.Messages;
using Conformance.Rsp.Pki;
using Conformance.Rsp.StatusCodes;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.X509;
using Org.BouncyCastle.X509.Extension;
using BigInteger = Org.BouncyCastle.Math.BigInteger;

namespace Conformance.Euicc.Es10;

/// <summary>
/// ES10b.LoadCRL (SGP.22 v2.5 §5.7.12, §4.6): the eUICC checks the CRL (an X.509 CertificateList) and stores it.
/// invalidCRLFormat(2) when it is not one; verificationKeyNotFound(4) when no trusted CI matches its
/// authorityKeyIdentifier (or issuer); invalidSignature(1) when the CI's key does not verify it;
/// baseCrlMissing(6) for a delta CRL whose base is not loaded; fresherCrlAlreadyLoaded(5) when a CRL of the same
/// CI with a higher cRLNumber is stored. A full CRL replaces the older ones of its CI.
/// </summary>
internal sealed class LoadCRL : IEs10Function
{
    public Asn1Tag Tag => LoadCRLRequest.Tag;

    public byte[] Execute(ReadOnlyMemory<byte> command, EuiccCard card)
    {
        LoadCRLRequest request = LoadCRLRequest.Decode(command);
        byte[] der = request.Crl.ToArray();
        X509Crl? crl = Parse(der);
        if (crl is null)
        {
            return Error(LoadCrlError.invalidCRLFormat);
        }
        RspCertificate? ci = IssuingCi(card, crl);
        if (ci is null)
        {
            return Error(LoadCrlError.verificationKeyNotFound);
        }
        if (!Verifies(crl, ci))
        {
            return Error(LoadCrlError.invalidSignature);
        }
        byte[] pkid = ci.SubjectKeyIdentifier!;
        BigInteger number = Integer(crl, X509Extensions.CrlNumber) ?? BigInteger.Zero;
        StoredCrl[] ofCi = card.State.Crls.Where(c => c.CiPkid.AsSpan().SequenceEqual(pkid)).ToArray();
        if (Integer(crl, X509Extensions.DeltaCrlIndicator) is { } baseNumber
            && !ofCi.Any(c => new BigInteger(c.CrlNumber).CompareTo(baseNumber) >= 0))
        {
            return Error(LoadCrlError.baseCrlMissing);
        }
        if (ofCi.Any(c => new BigInteger(c.CrlNumber).CompareTo(number) > 0))
        {
            return Error(LoadCrlError.fresherCrlAlreadyLoaded);
        }
        bool delta = Integer(crl, X509Extensions.DeltaCrlIndicator) is not null;
        var stored = new StoredCrl { CiPkid = pkid, CrlNumber = number.ToString(), Der = der };
        card.Memory.Update(s => s with
        {
            Crls = [.. s.Crls.Where(c => delta || !c.CiPkid.AsSpan().SequenceEqual(pkid)), stored],
        });
        return new LoadCRLResponse(new LoadCRLResponseOk()).Encode();
    }

    private static byte[] Error(LoadCrlError error) => new LoadCRLResponse(error).Encode();

    private static X509Crl? Parse(byte[] der)
    {
        try
        {
            var list = CertificateList.GetInstance(Asn1Object.FromByteArray(der));
            return new X509Crl(list);
        }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidCastException or InvalidOperationException
                                       or Asn1Exception or Org.BouncyCastle.Security.Certificates.CrlException)
        {
            return null;
        }
    }

    private static RspCertificate? IssuingCi(EuiccCard card, X509Crl crl)
    {
        Asn1OctetString? akiValue = crl.GetExtensionValue(X509Extensions.AuthorityKeyIdentifier);
        if (akiValue is not null)
        {
            byte[]? keyId = AuthorityKeyIdentifier.GetInstance(X509ExtensionUtilities.FromExtensionValue(akiValue)).KeyIdentifier?.GetOctets();
            return keyId is null ? null : card.Identity.Validator.CiForPkid(keyId);
        }
        return card.Identity.Validator.TrustedCis.FirstOrDefault(ci => ci.Subject.Equivalent(crl.IssuerDN, true));
    }

    private static bool Verifies(X509Crl crl, RspCertificate ci)
    {
        try
        {
            crl.Verify(ci.PublicKey);
            return true;
        }
        catch (Exception e) when (e is Org.BouncyCastle.Security.InvalidKeyException or Org.BouncyCastle.Security.SignatureException
                                       or Org.BouncyCastle.Security.Certificates.CrlException or InvalidOperationException or ArgumentException)
        {
            return false;
        }
    }

    private static BigInteger? Integer(X509Crl crl, DerObjectIdentifier oid)
    {
        Asn1OctetString? value = crl.GetExtensionValue(oid);
        return value is null ? null : DerInteger.GetInstance(X509ExtensionUtilities.FromExtensionValue(value)).Value;
    }
}
