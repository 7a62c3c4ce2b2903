namespace Pipeline.Local.Lambda;

/// <summary>The region and the execution role's credentials a local function runs with (Lambda sets them from the role).</summary>
public sealed record LocalAccount(string Region, string AccessKeyId, string SecretAccessKey, string SessionToken);
