#pragma warning disable IDE0130 // The compiler looks this marker up by its framework name, whatever the folder.
namespace System.Runtime.CompilerServices;
#pragma warning restore IDE0130

/// <summary>Lets records compile for netstandard2.0, which lacks this marker of init accessors.</summary>
internal static class IsExternalInit
{
}
