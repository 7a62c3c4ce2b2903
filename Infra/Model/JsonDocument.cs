namespace Pipeline.Infra.Model;

/// <summary>A property whose value is a JSON document given to the provider as a string (<c>fn::toJSON</c>).</summary>
public interface IJsonDocument
{
    Node ToNode();
}
