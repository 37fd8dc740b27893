using Conformance.Rsp.Crypto;
using Org.BouncyCastle.Crypto.Parameters;

namespace Conformance.Rsp.Pki;

/// <summary>
/// Loads a PKI directory laid out like SGP.26 (<see cref="Sgp26Layout"/>): ours, or GSMA's own SGP.26
/// folder. Files are found by name anywhere below the directory (case-insensitive), so GSMA's folder
/// nesting is accepted; when a name occurs more than once the copy in the expected folder wins.
/// A certificate is read from <c>.der</c>, else <c>.pem</c>; keys from SEC1 or PKCS#8 PEM. The core
/// certificates of the sides the run plays (<see cref="PkiSides"/>) are mandatory for each requested curve; CERT.DPtls,
/// negative variants and the ES2+ operator certificates are loaded when present. Files the harness does not use
/// (GSMA's PK_* public keys, DP2/DP4/DP8 variants, CSRs and OpenSSL configurations under DPtls/) are ignored.
/// Every problem is reported with the file it concerns.
/// </summary>
public static class Sgp26Loader
{
    /// <summary>
    /// The curves a directory holds a CI certificate for (CertificateIssuer/CERT_CI_ECDSA_NIST or _BRP, .der or .pem):
    /// what a PKI of one curve can drive.
    /// </summary>
    public static IReadOnlyList<RspCurve> CurvesIn(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var index = new FileIndex(directory);
        return [.. new[] { RspCurve.NistP256, RspCurve.BrainpoolP256r1 }.Where(c =>
        {
            Sgp26FileNames ci = Sgp26Layout.For(PkiItem.Ci, c);
            return index.Find(ci.Folder, ci.CertificateName + ".der") is not null || index.Find(ci.Folder, ci.CertificateName + ".pem") is not null;
        })];
    }

    public static PkiLoadResult Load(string directory, PkiLoadOptions? options = null)
    {
        options ??= new PkiLoadOptions();
        if (!Directory.Exists(directory))
        {
            return new(null, [new(directory, PkiLoadProblem.DirectoryMissing, "PKI directory does not exist")]);
        }
        var index = new FileIndex(directory);
        var errors = new List<PkiLoadError>();
        var curves = new List<CurvePki>();
        IReadOnlyList<PkiItem> required = PkiLoadOptions.RequiredItems(options.Sides);
        IReadOnlyCollection<PkiItem> keys = options.RequiredKeys ?? PkiLoadOptions.RequiredKeysOf(options.Sides);
        foreach (var curve in options.Curves.Distinct())
        {
            var items = new Dictionary<PkiItem, IssuedCertificate>();
            foreach (var item in Enum.GetValues<PkiItem>())
            {
                // A CERT.DPtls that is there is loaded with its key (it is served as it is).
                bool keyRequired = keys.Contains(item) || (item == PkiItem.DpTls && options.Sides.HasFlag(PkiSides.Smdp));
                var issued = LoadItem(index, Sgp26Layout.For(item, curve), item, required.Contains(item), keyRequired, errors);
                if (issued is not null)
                {
                    items[item] = issued;
                }
            }
            curves.Add(new CurvePki(curve, items));
        }
        OperatorPki? op = null;
        var ca = LoadItem(index, Sgp26Layout.OperatorCa, PkiItem.Ci, false, false, errors);
        var client = LoadItem(index, Sgp26Layout.OperatorClient, PkiItem.Ci, false, false, errors);
        if (ca is not null && client is not null)
        {
            op = new OperatorPki(ca.Certificate, ca.PrivateKey, client.Certificate, client.PrivateKey);
        }
        return errors.Count > 0 ? new(null, errors) : new(new TestPki(curves, op), []);
    }

    private static IssuedCertificate? LoadItem(FileIndex index, Sgp26FileNames names, PkiItem item, bool required, bool keyRequired, List<PkiLoadError> errors)
    {
        string? certPath = index.Find(names.Folder, names.CertificateName + ".der") ?? index.Find(names.Folder, names.CertificateName + ".pem");
        if (certPath is null)
        {
            if (required)
            {
                errors.Add(new(names.CertificateDer, PkiLoadProblem.FileMissing, $"missing {item} certificate (expected {names.CertificateDer} or .pem)"));
            }
            return null;
        }
        var cert = ReadCertificate(index, certPath, errors);
        if (cert is null)
        {
            return null;
        }
        ECPrivateKeyParameters? key = null;
        string? keyPath = index.Find(names.Folder, names.KeyName + ".pem");
        if (keyPath is null)
        {
            if (keyRequired)
            {
                errors.Add(new(names.KeyPem, PkiLoadProblem.FileMissing, $"missing private key of {names.CertificateName}"));
            }
        }
        else
        {
            key = ReadKey(index, keyPath, cert, errors);
        }
        return new IssuedCertificate(item, cert, key);
    }

    private static RspCertificate? ReadCertificate(FileIndex index, string path, List<PkiLoadError> errors)
    {
        string shown = index.Relative(path);
        if (!TryReadBytes(path, shown, errors, out var bytes))
        {
            return null;
        }
        try
        {
            if (PemCodec.LooksLikePem(bytes))
            {
                var block = PemCodec.Decode(System.Text.Encoding.ASCII.GetString(bytes)).FirstOrDefault(b => b.Label == "CERTIFICATE");
                if (block.Der is null)
                {
                    errors.Add(new(shown, PkiLoadProblem.MalformedCertificate, "no CERTIFICATE block in the PEM file"));
                    return null;
                }
                bytes = block.Der;
            }
        }
        catch (FormatException e)
        {
            errors.Add(new(shown, PkiLoadProblem.MalformedCertificate, e.Message));
            return null;
        }
        if (!RspCertificate.TryParse(bytes, out var cert, out var problem))
        {
            errors.Add(new(shown, PkiLoadProblem.MalformedCertificate, problem));
            return null;
        }
        return cert;
    }

    private static ECPrivateKeyParameters? ReadKey(FileIndex index, string path, RspCertificate cert, List<PkiLoadError> errors)
    {
        string shown = index.Relative(path);
        if (!TryReadBytes(path, shown, errors, out var bytes))
        {
            return null;
        }
        ECPrivateKeyParameters key;
        try
        {
            key = EcPrivateKeyCodec.Read(bytes);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidCastException or IOException)
        {
            errors.Add(new(shown, PkiLoadProblem.MalformedKey, $"unreadable private key: {e.Message}"));
            return null;
        }
        var q = SeededKeys.PublicOf(key).Q;
        if (cert.PublicKey is not { } pub || cert.Curve is not { } curve || !ReferenceEquals(curve.DomainParameters(), key.Parameters)
            || !pub.Q.Normalize().AffineXCoord.ToBigInteger().Equals(q.AffineXCoord.ToBigInteger())
            || !pub.Q.Normalize().AffineYCoord.ToBigInteger().Equals(q.AffineYCoord.ToBigInteger()))
        {
            errors.Add(new(shown, PkiLoadProblem.KeyMismatch, $"private key does not match the public key of {cert.Subject}"));
            return null;
        }
        return key;
    }

    private static bool TryReadBytes(string path, string shown, List<PkiLoadError> errors, out byte[] bytes)
    {
        try
        {
            bytes = File.ReadAllBytes(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(new(shown, PkiLoadProblem.Unreadable, $"cannot read: {e.Message}"));
            bytes = [];
            return false;
        }
    }

    /// <summary>All files below the root by lower-case name.</summary>
    private sealed class FileIndex
    {
        private readonly string _root;
        private readonly ILookup<string, string> _byName;

        public FileIndex(string root)
        {
            _root = Path.GetFullPath(root);
            var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, MatchCasing = MatchCasing.CaseInsensitive };
            _byName = Directory.EnumerateFiles(_root, "*", options)
                .OrderBy(p => p, StringComparer.Ordinal)
                .ToLookup(p => Path.GetFileName(p).ToUpperInvariant());
        }

        /// <summary>The file with this name, preferring one in a folder named <paramref name="folder"/>.</summary>
        public string? Find(string folder, string fileName)
        {
            var candidates = _byName[fileName.ToUpperInvariant()].ToList();
            return candidates.FirstOrDefault(p => string.Equals(Path.GetFileName(Path.GetDirectoryName(p)), folder, StringComparison.OrdinalIgnoreCase))
                ?? candidates.FirstOrDefault();
        }

        public string Relative(string path) => Path.GetRelativePath(_root, path).Replace('\\', '/');
    }
}
