namespace Conformance.Steps.Drivers;

/// <summary>The steps of a profile download (SGP.22 v2.5 §3.1.3) as the harness-as-LPA runs them, in order.</summary>
public enum DownloadStep
{
    /// <summary>ES10b.GetEUICCChallenge and ES10b.GetEUICCInfo (EUICCInfo1).</summary>
    GetEuiccChallenge,

    /// <summary>ES9+.InitiateAuthentication (§5.6.1).</summary>
    InitiateAuthentication,

    /// <summary>ES10b.AuthenticateServer (§5.7.13).</summary>
    AuthenticateServer,

    /// <summary>ES9+.AuthenticateClient (§5.6.3).</summary>
    AuthenticateClient,

    /// <summary>ES10b.PrepareDownload (§5.7.5).</summary>
    PrepareDownload,

    /// <summary>ES9+.GetBoundProfilePackage (§5.6.2).</summary>
    GetBoundProfilePackage,

    /// <summary>ES10b.LoadBoundProfilePackage (§5.7.6).</summary>
    LoadBoundProfilePackage,
}
