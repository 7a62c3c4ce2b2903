namespace Pipeline.Infra.Policy;

/// <summary>A rule over a synthesized stack.</summary>
public interface IPolicyRule
{
    string Id { get; }

    /// <summary>What the rule requires, in one sentence.</summary>
    string Sentence { get; }

    IEnumerable<Finding> Evaluate(PolicyContext context);
}
