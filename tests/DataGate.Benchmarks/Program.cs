using DataGate.Benchmarks;

var benchmarks = typeof(IBenchmark).Assembly.GetTypes()
    .Where(t => !t.IsAbstract && typeof(IBenchmark).IsAssignableFrom(t))
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name, StringComparer.Ordinal)
    .ToList();

var selected = args.Length == 0 ? null : benchmarks.FirstOrDefault(b => b.Name == args[0]);
if (selected is null)
{
    Console.WriteLine("usage: DataGate.Benchmarks NAME [args]; benchmarks:");
    foreach (var b in benchmarks)
    {
        Console.WriteLine($"  {b.Name,-20} {b.Description}");
    }

    return args.Length == 0 ? 0 : 2;
}

selected.Run(args[1..], Console.Out);
return 0;
