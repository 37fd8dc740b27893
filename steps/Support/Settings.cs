namespace Conformance.Steps.Support;

/// <summary>Every setting of a run (README "Configuration" lists the same table).</summary>
public static class Settings
{
    public static readonly Setting Smdp = new("smdp", "--smdp", "CONFORMANCE_SMDP", "SM-DP+ under test: 'reference' (bundled, in-process) or its https:// URL");
    public static readonly Setting SmdpAddress = new("smdpAddress", "--smdp-address", "CONFORMANCE_SMDP_ADDRESS", "the SM-DP+ address (FQDN[:port]) as an LPA gets it");
    public static readonly Setting TlsName = new("tlsName", "--tls-name", "CONFORMANCE_TLS_NAME", "name the ES9+ server certificate (CERT.DPtls) must carry (default: the host of smdpAddress, which an LPA checks)");
    public static readonly Setting Es2TlsName = new("es2TlsName", null, "CONFORMANCE_ES2_TLS_NAME", "name the ES2+ server certificate must carry (default: the host of the ES2+ URL)");
    public static readonly Setting Trust = new("trust", "--trust", "CONFORMANCE_TRUST", "PEM file of the roots trusted for the SM-DP+ TLS certificate");
    public static readonly Setting AdminProtocol = new("adminProtocol", null, "CONFORMANCE_ADMIN_PROTOCOL", "X-Admin-Protocol sent (gsma/rsp/vX.Y.Z)");
    public static readonly Setting Timeout = new("timeoutSeconds", null, "CONFORMANCE_TIMEOUT_SECONDS", "timeout of one call to the SUT, in seconds");
    public static readonly Setting Es2PlusUrl = new("es2plusUrl", null, "CONFORMANCE_ES2PLUS_URL", "ES2+ base URL when it differs from the SM-DP+ URL");
    public static readonly Setting OperatorCertificate = new("operatorCertificate", null, "CONFORMANCE_OPERATOR_CERT", "PEM of the operator's ES2+ TLS client certificate");
    public static readonly Setting OperatorKey = new("operatorKey", null, "CONFORMANCE_OPERATOR_KEY", "PEM of its private key");
    public static readonly Setting Pki = new("pki", "--pki", "CONFORMANCE_PKI", "'generated' or a directory laid out like SGP.26");
    public static readonly Setting Curve = new("curve", "--curve", "CONFORMANCE_CURVE", "curves to run: nist, brp or both");
    public static readonly Setting Euicc = new("euicc", "--euicc", "CONFORMANCE_EUICC", "eUICC: emulated, pcsc (the first reader with a card), pcsc:<reader name> or pcsc:<reader index>");
    public static readonly Setting IsdrAid = new("isdrAid", "--isdr-aid", "CONFORMANCE_ISDR_AID", "ISD-R AID in hex (default A0000005591010FFFFFFFF8900000100, SGP.22 §2.2.3)");
    public static readonly Setting PcscProtocol = new("pcscProtocol", null, "CONFORMANCE_PCSC_PROTOCOL", "protocol offered to a PC/SC card: t0, t1 or any (the reader picks, default)");
    public static readonly Setting StoreDataSegment = new("storeDataSegment", null, "CONFORMANCE_STORE_DATA_SEGMENT", "data bytes per ES10 STORE DATA block (1..255, default 120)");
    public static readonly Setting Tags = new("tags", "--tags", "CONFORMANCE_TAGS", "tag expression selecting scenarios (@smdp and not @negative)");
    public static readonly Setting Out = new("out", "--out", "CONFORMANCE_OUT", "report directory");
    public static readonly Setting Jobs = new("jobs", "--jobs", "CONFORMANCE_JOBS", "test hosts running features side by side (default: 2 with the bundled SM-DP+ and the emulated eUICC on 2+ cores, else 1)");
    public static readonly Setting ProfileType = new("profileType", null, "CONFORMANCE_PROFILE_TYPE", "profile type the remote SM-DP+ holds for DownloadOrder by profileType");
    public static readonly Setting Target = new("target", "--target", "CONFORMANCE_TARGET", "JSON file declaring the optional SGP.22 features the SM-DP+ under test supports: {\"options\": [\"ppk\", \"metadata-split\"]}; scenarios needing an undeclared one are skipped");
    public static readonly Setting Orders = new("orders", "--orders", "CONFORMANCE_ORDERS", "where the download scenarios' orders come from: es2plus (the harness as operator, default), a .txt or .json file of orders made on the SM-DP+, or command:CMD (a program that makes one per scenario)");
    public static readonly Setting StrictEuicc = new("strictEuicc", null, "CONFORMANCE_STRICT_EUICC", "true: the emulated eUICC facing an SM-DP+ under test refuses what SGP.22 forbids even where deployed eUICCs accept it ('86' segments over 1020 bytes); default false");
    public static readonly Setting Asn1Binding = new("asn1Binding", "--asn1-binding", "CONFORMANCE_ASN1_BINDING", "true: the SM-DP+ under test serves ES9+ over the ASN.1 binding too (SGP.22 §6.6, POST /gsma/rsp2/asn1), so the @asn1 scenarios run; default true for the bundled reference, false for a remote SM-DP+ (they are skipped)");
    public static readonly Setting Iccids = new("iccids", null, "CONFORMANCE_ICCIDS", "available ICCIDs of that profile type on the remote SM-DP+ (comma-separated)");

    public static readonly Setting Smds = new("smds", "--smds", "CONFORMANCE_SMDS", "SM-DS under test: 'reference' (bundled, in-process) or its https:// URL");
    public static readonly Setting SmdsAddress = new("smdsAddress", "--smds-address", "CONFORMANCE_SMDS_ADDRESS", "the SM-DS address (FQDN[:port]) as the eUICC holds it (root SM-DS address) and the SM-DP+ gets it in ConfirmOrder");
    public static readonly Setting SmdsTrust = new("smdsTrust", null, "CONFORMANCE_SMDS_TRUST", "PEM file of the roots trusted for the SM-DS TLS certificate (CERT.DStls; default: the trust setting, else the PKI's CIs)");
    public static readonly Setting Es12Certificate = new("es12Certificate", null, "CONFORMANCE_ES12_CERT", "PEM of the TLS client certificate the harness presents on ES12 as an SM-DP+ (default: the PKI's CERT.DPtls)");
    public static readonly Setting Es12Key = new("es12Key", null, "CONFORMANCE_ES12_KEY", "PEM of its private key");

    public static readonly Setting SmdpDefects = new("smdpDefects", null, "CONFORMANCE_SMDP_DEFECTS", "named defects switched on in the bundled reference SM-DP+ (comma-separated SmdpDefect names; proves scenarios catch them)");
    public static readonly Setting EuiccDefects = new("euiccDefects", null, "CONFORMANCE_EUICC_DEFECTS", "named defects switched on in the emulated eUICC (comma-separated EuiccDefect names)");
    public static readonly Setting SmdsDefects = new("smdsDefects", null, "CONFORMANCE_SMDS_DEFECTS", "named defects switched on in the bundled reference SM-DS (comma-separated SmdsDefect names)");

    public static readonly IReadOnlyList<Setting> All =
        [Smdp, SmdpAddress, TlsName, Es2TlsName, Trust, AdminProtocol, Timeout, Es2PlusUrl, OperatorCertificate, OperatorKey, Pki, Curve, Euicc, IsdrAid, StoreDataSegment, PcscProtocol, Tags, Out, Jobs, Target, Asn1Binding, Orders, ProfileType, Iccids, StrictEuicc,
         Smds, SmdsAddress, SmdsTrust, Es12Certificate, Es12Key, SmdpDefects, EuiccDefects, SmdsDefects];
}
