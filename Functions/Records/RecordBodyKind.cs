namespace Pipeline.Functions;

/// <summary>How a chunk line carries its record.</summary>
public enum RecordBodyKind
{
    /// <summary>The record's JSON value as it appeared in the file.</summary>
    Json,

    /// <summary>A CSV row: an object of column name to text.</summary>
    TextFields,

    /// <summary>Text that could not be read as a record, with the reason.</summary>
    Unreadable,
}
