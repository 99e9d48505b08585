namespace DataGate.Core.Config;

/// <summary>The type of a label field.</summary>
public enum FieldType
{
    /// <summary>Whole numbers (e.g. age).</summary>
    Integer,

    /// <summary>Real numbers.</summary>
    Number,

    /// <summary>Discrete categories given by a code (e.g. gender 0/1), optionally with display names.</summary>
    Category,
}
