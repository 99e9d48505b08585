namespace DataGate.ExampleGenerator;

/// <summary>UTKFace labels of one image.</summary>
/// <param name="Age">Age in years, 0..116.</param>
/// <param name="Gender">0 male, 1 female.</param>
/// <param name="Race">0 White, 1 Black, 2 Asian, 3 Indian, 4 Others.</param>
internal readonly record struct FaceLabels(int Age, int Gender, int Race);
