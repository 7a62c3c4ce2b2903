using System.Collections.Immutable;
using Pipeline.Workflows.Model;

namespace Pipeline.Workflows.Validation;

/// <summary>Thrown instead of rendering a definition that breaks rules; lists every broken rule.</summary>
public sealed class WorkflowValidationException : Exception
{
    public WorkflowValidationException(WorkflowVariant variant, ImmutableArray<ValidationError> errors)
        : base(Describe(variant, errors))
    {
        Variant = variant;
        Errors = errors;
    }

    public WorkflowVariant Variant { get; }

    public ImmutableArray<ValidationError> Errors { get; }

    private static string Describe(WorkflowVariant variant, ImmutableArray<ValidationError> errors) =>
        $"The workflow definition is invalid for the {variant} state machine ({errors.Length} error{(errors.Length == 1 ? "" : "s")}):"
        + string.Concat(errors.Select(error => $"{Environment.NewLine}  {error}"));
}
