using Pipeline.Infra.Model;

namespace Pipeline.Infra.Emit;

/// <summary>Lowers a <see cref="Stack"/> to the Pulumi YAML program tree: config, variables, resources, outputs.</summary>
public static class ProgramBuilder
{
    public static ObjectNode Build(Stack stack) => Nodes.Object(
        ("config", Section(stack.Config.Select(declaration => (declaration.Key, Config(declaration))))),
        ("variables", Section(stack.Variables.Select(variable => (variable.Name, Variable(variable))))),
        ("resources", Section(stack.Resources.Select(resource => (resource.LogicalName, Resource(resource))))),
        ("outputs", Section(stack.Outputs.Select(output => (output.Name, (Node)new StringNode(output.Value))))));

    public static Node Resource(Resource resource) => Nodes.Object(
        ("type", Nodes.String(resource.TypeToken.Token)),
        ("properties", PropertyLowering.Properties(resource)),
        ("options", Options(resource.Options)));

    private static ObjectNode Options(ResourceOptions options) => Nodes.Object(
        ("version", Nodes.String(Stack.ProviderVersion)),
        ("protect", options.Protect is { } protect ? new BoolNode(protect) : null),
        ("retainOnDelete", options.RetainOnDelete is { } retain ? new BoolNode(retain) : null),
        ("dependsOn", options.DependsOn.Count == 0
            ? null
            : Nodes.Strings(options.DependsOn.Select(name => (Input)new Reference(name)))));

    private static Node Config(ConfigDeclaration declaration) => Nodes.Object(
        ("type", Nodes.String(declaration.Type)),
        ("secret", declaration.Secret ? new BoolNode(true) : null),
        ("default", declaration.Default));

    private static Node Variable(InvokeVariable variable) => new FunctionNode(
        FunctionNode.Invoke,
        Nodes.Object(
            ("function", Nodes.String(variable.Function)),
            ("arguments", ObjectNode.Empty),
            ("options", Nodes.Object(("version", Nodes.String(Stack.ProviderVersion)))),
            ("return", Nodes.String(variable.Return))));

    private static ObjectNode Section(IEnumerable<(string Key, Node Value)> entries) =>
        new(entries.Select(entry => KeyValuePair.Create(entry.Key, entry.Value)).ToList());
}
