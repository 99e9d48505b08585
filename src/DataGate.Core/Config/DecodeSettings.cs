using DataGate.Core.Imaging;

namespace DataGate.Core.Config;

/// <summary>How images are decoded (<c>decode:</c>).</summary>
public sealed class DecodeSettings
{
    /// <summary>The JPEG decoder (<c>decode.engine</c>: <c>imagesharp</c> or <c>libjpeg-turbo</c>); default <see cref="DecodeEngineNames.Default"/>.</summary>
    public DecodeEngine Engine { get; init; } = DecodeEngineNames.Default;
}
