using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Pipeline.Infra.Model;

namespace Pipeline.Infra.Emit;

/// <summary>
/// Renders the same model as a TypeScript Pulumi program (<c>new aws.&lt;module&gt;.&lt;Class&gt;("name", {...})</c>
/// with inline literals), so <c>tsc --noEmit</c> against the real <c>@pulumi/aws</c> types checks every
/// resource class, property name, nested block and value type the YAML program uses.
/// </summary>
public static partial class TypeScriptTwinWriter
{
    /// <summary>The whole stack, importing <c>@pulumi/aws</c>.</summary>
    public static string Write(Stack stack)
    {
        var builder = new StringBuilder();
        builder.Append("import * as aws from \"@pulumi/aws\";\n");
        builder.Append("import * as pulumi from \"@pulumi/pulumi\";\n\n");
        builder.Append("const config = new pulumi.Config();\n");
        foreach (var declaration in stack.Config)
        {
            builder.Append("const ").Append(declaration.Key).Append(" = ").Append(ConfigRead(declaration)).Append(";\n");
        }

        foreach (var variable in stack.Variables)
        {
            var function = variable.Function.Split(':')[1];
            builder.Append("const ").Append(variable.Name).Append(" = aws.").Append(function)
                .Append("Output({}, { version: \"").Append(Stack.ProviderVersion).Append("\" }).").Append(variable.Return).Append(";\n");
        }

        builder.Append('\n');
        foreach (var resource in DependencyOrder.Sort(stack.Resources))
        {
            AppendResource(builder, resource, $"aws.{resource.TypeToken.Module}");
        }

        return builder.ToString();
    }

    /// <summary>
    /// Only <paramref name="resources"/>, importing just their modules (<c>@pulumi/aws/sfn</c>, ...): a fast
    /// check of a few resources. Names they reference but do not define are declared as <c>any</c>.
    /// </summary>
    public static string WriteStandalone(IReadOnlyList<Resource> resources)
    {
        var builder = new StringBuilder();
        foreach (var module in resources.Select(resource => resource.TypeToken.Module).Distinct().Order(StringComparer.Ordinal))
        {
            builder.Append("import * as ").Append(module).Append(" from \"@pulumi/aws/").Append(module).Append("\";\n");
        }

        builder.Append("import * as pulumi from \"@pulumi/pulumi\";\n\n");
        var defined = resources.Select(resource => resource.LogicalName).ToHashSet(StringComparer.Ordinal);
        foreach (var name in resources.SelectMany(DependencyOrder.Dependencies).Where(name => !defined.Contains(name)).Distinct().Order(StringComparer.Ordinal))
        {
            builder.Append("declare const ").Append(name).Append(": any;\n");
        }

        builder.Append('\n');
        foreach (var resource in DependencyOrder.Sort(resources))
        {
            AppendResource(builder, resource, resource.TypeToken.Module);
        }

        return builder.ToString();
    }

    private static void AppendResource(StringBuilder builder, Resource resource, string modulePrefix)
    {
        builder.Append("const ").Append(resource.LogicalName).Append(" = new ").Append(modulePrefix).Append('.').Append(resource.TypeToken.Class)
            .Append('(').Append(JsonSerializer.Serialize(resource.LogicalName, EscapedString)).Append(", ");
        AppendNode(builder, PropertyLowering.Properties(resource), 0);
        builder.Append(", ");
        AppendOptions(builder, resource.Options);
        builder.Append(");\n");
    }

    private static void AppendOptions(StringBuilder builder, ResourceOptions options)
    {
        builder.Append("{ version: \"").Append(Stack.ProviderVersion).Append('"');
        if (options.Protect is { } protect)
        {
            builder.Append(", protect: ").Append(protect ? "true" : "false");
        }

        if (options.RetainOnDelete is { } retain)
        {
            builder.Append(", retainOnDelete: ").Append(retain ? "true" : "false");
        }

        if (options.DependsOn.Count > 0)
        {
            builder.Append(", dependsOn: [").Append(string.Join(", ", options.DependsOn)).Append(']');
        }

        builder.Append(" }");
    }

    private static string ConfigRead(ConfigDeclaration declaration) => declaration switch
    {
        { Secret: true } => $"config.requireSecret({JsonSerializer.Serialize(declaration.Key, EscapedString)})",
        { Type: "integer", Default: NumberNode number } =>
            $"config.getNumber({JsonSerializer.Serialize(declaration.Key, EscapedString)}) ?? {number.Value.ToString(CultureInfo.InvariantCulture)}",
        { Type: "boolean", Default: BoolNode flag } =>
            $"config.getBoolean({JsonSerializer.Serialize(declaration.Key, EscapedString)}) ?? {(flag.Value ? "true" : "false")}",
        _ => $"config.require({JsonSerializer.Serialize(declaration.Key, EscapedString)})",
    };

    private static void AppendNode(StringBuilder builder, Node node, int depth)
    {
        switch (node)
        {
            case ObjectNode obj when obj.Members.Count == 0:
                builder.Append("{}");
                break;
            case ObjectNode obj:
                builder.Append("{\n");
                foreach (var (key, value) in obj.Members)
                {
                    builder.Append(' ', (depth + 1) * 4).Append(Identifier().IsMatch(key) ? key : JsonSerializer.Serialize(key, EscapedString)).Append(": ");
                    AppendNode(builder, value, depth + 1);
                    builder.Append(",\n");
                }

                builder.Append(' ', depth * 4).Append('}');
                break;
            case ArrayNode array:
                builder.Append('[');
                for (var index = 0; index < array.Items.Count; index++)
                {
                    builder.Append(index == 0 ? string.Empty : ", ");
                    AppendNode(builder, array.Items[index], depth);
                }

                builder.Append(']');
                break;
            case StringNode text:
                AppendInput(builder, text.Text);
                break;
            case NumberNode number:
                builder.Append(number.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case BoolNode flag:
                builder.Append(flag.Value ? "true" : "false");
                break;
            case FunctionNode { Function: FunctionNode.ToJson } function:
                builder.Append("pulumi.jsonStringify(");
                AppendNode(builder, function.Argument, depth);
                builder.Append(')');
                break;
            case FunctionNode { Function: FunctionNode.FileArchive, Argument: StringNode { Text: Literal path } }:
                builder.Append("new pulumi.asset.FileArchive(").Append(JsonSerializer.Serialize(path.Value, EscapedString)).Append(')');
                break;
            default:
                throw new InvalidOperationException($"No TypeScript rendering for {node}.");
        }
    }

    private static void AppendInput(StringBuilder builder, Input input)
    {
        switch (input)
        {
            case Literal literal:
                builder.Append(JsonSerializer.Serialize(literal.Value, RelaxedString));
                break;
            case Reference reference:
                builder.Append(reference.Expression);
                break;
            case Interpolation interpolation:
                builder.Append("pulumi.interpolate`");
                foreach (var part in interpolation.Parts)
                {
                    if (part is Reference partReference)
                    {
                        builder.Append("${").Append(partReference.Expression).Append('}');
                    }
                    else
                    {
                        builder.Append(((Literal)part).Value
                            .Replace("\\", "\\\\", StringComparison.Ordinal)
                            .Replace("`", "\\`", StringComparison.Ordinal)
                            .Replace("${", "\\${", StringComparison.Ordinal));
                    }
                }

                builder.Append('`');
                break;
            default:
                throw new InvalidOperationException($"Unknown input {input.GetType().Name}.");
        }
    }

    private static readonly JsonTypeInfo<string> EscapedString = TypeScriptStringJson.Default.String;

    private static readonly JsonTypeInfo<string> RelaxedString = new TypeScriptStringJson(new JsonSerializerOptions
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    }).String;

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex Identifier();
}
