using System.Reflection;

namespace Pipeline.Infra.Tests.Generators;

/// <summary>The Properties() that Infra.Generators wrote for the program's own resources and blocks.</summary>
public class GeneratedPropertiesTests
{
    public static IEnumerable<object[]> ModelTypes() =>
        typeof(Resource).Assembly.GetTypes()
            .Where(type => typeof(IPulumiObject).IsAssignableFrom(type) && !type.IsAbstract && !type.IsInterface)
            .Select(type => new object[] { type.Name });

    [Theory]
    [MemberData(nameof(ModelTypes))]
    public void PropertiesListEveryInitPropertyByItsCamelCaseNameInOrder(string typeName)
    {
        var type = typeof(Resource).Assembly.GetTypes().Single(candidate => candidate.Name == typeName);
        var declared = type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(property => property.SetMethod is not null)
            .OrderBy(property => property.MetadataToken)
            .Select(property => char.ToLowerInvariant(property.Name[0]) + property.Name[1..])
            .ToList();
        var instance = (IPulumiObject)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(type);

        instance.Properties().Select(property => property.Key).Should().Equal(declared);
    }

    [Fact]
    public void EveryResourceTypeOfTheProgramIsCovered()
    {
        var covered = ModelTypes().Select(row => (string)row[0]).ToHashSet();

        Stacks.Prod.Resources.Select(resource => resource.GetType().Name).Should().OnlyContain(name => covered.Contains(name));
    }
}
