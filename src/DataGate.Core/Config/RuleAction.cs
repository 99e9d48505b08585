namespace DataGate.Core.Config;

/// <summary>What a quality rule does with the images that break it.</summary>
public enum RuleAction
{
    /// <summary>Report the images as a warning; they stay in the outputs.</summary>
    Warn,

    /// <summary>Drop the images from the kept manifest and splits.</summary>
    Exclude,

    /// <summary>Fail the gate when more than <c>1 − mostly</c> of the images break the rule.</summary>
    Fail,
}
