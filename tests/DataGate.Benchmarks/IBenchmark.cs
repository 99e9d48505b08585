namespace DataGate.Benchmarks;

/// <summary>One benchmark, run by name: <c>dotnet run -c Release --project tests/DataGate.Benchmarks -- NAME [args]</c>.</summary>
internal interface IBenchmark
{
    /// <summary>Name used on the command line.</summary>
    string Name { get; }

    /// <summary>One line saying what it measures.</summary>
    string Description { get; }

    /// <summary>Runs and prints its figures.</summary>
    void Run(string[] args, TextWriter output);
}
