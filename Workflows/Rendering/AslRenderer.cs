using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Pipeline.Workflows.Model;
using Pipeline.Workflows.Resources;
using Pipeline.Workflows.Validation;

namespace Pipeline.Workflows.Rendering;

/// <summary>
/// Renders a definition to ASL JSON with a stable key order (Comment, StartAt, TimeoutSeconds, States; Type
/// first in each state). Logical resources are bound by the resolver, so one definition renders for every target.
/// </summary>
public static class AslRenderer
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        // The output is a JSON document, never HTML: keep quotes in intrinsic functions readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Validates the definition for <paramref name="variant"/>, then renders it.</summary>
    /// <exception cref="WorkflowValidationException">The definition breaks a rule; every broken rule is listed.</exception>
    public static string Render(StateMachineDefinition definition, WorkflowVariant variant, IResourceResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(resolver);
        var errors = WorkflowValidator.Validate(definition, variant);
        if (!errors.IsEmpty)
            throw new WorkflowValidationException(variant, errors);

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
            new AslWriter(writer, resolver).WriteDefinition(definition);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
