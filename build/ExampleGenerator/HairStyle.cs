namespace DataGate.ExampleGenerator;

/// <summary>How much hair a synthetic face has.</summary>
internal enum HairStyle
{
    /// <summary>No scalp hair.</summary>
    Bald,

    /// <summary>Thin baby hair on the crown.</summary>
    Sparse,

    /// <summary>Hair on top of the head only.</summary>
    Short,

    /// <summary>Hair on top and falling behind the head to the shoulders.</summary>
    Long,
}
