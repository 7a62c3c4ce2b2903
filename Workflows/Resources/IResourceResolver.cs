namespace Pipeline.Workflows.Resources;

/// <summary>Binds logical resources to the strings a rendered definition carries (ARNs, or interpolations such as <c>${fn.arn}</c>).</summary>
public interface IResourceResolver
{
    string Resolve(ResourceRef reference);
}
