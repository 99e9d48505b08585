using DataGate.Core.Diagnostics;
using Microsoft.Build.Framework;

namespace DataGate.MSBuild;

/// <summary>
/// Base of DataGate's MSBuild tasks: <see cref="Execute"/> is sealed, runs the work, turns any exception into
/// DG9001 (an escaping exception would print MSB4018 and a stack trace) and succeeds when no error was logged.
/// </summary>
public abstract class DataGateTask : Microsoft.Build.Utilities.Task, ICancelableTask
{
    private volatile CancellationTokenSource? _cancellation;

    /// <inheritdoc />
    public sealed override bool Execute()
    {
        using var cancellation = new CancellationTokenSource();
        _cancellation = cancellation;
        try
        {
            ExecuteCore(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            Log.LogError(null, DiagnosticCodes.Cancelled.Code, null, null, 0, 0, 0, 0, "the DataGate run was cancelled");
        }
        catch (Exception ex)
        {
            // The task's own catch-all (GateRunner already turns a failed run into DG9001): an exception escaping a
            // task would print MSB4018. Short message as the error, the full exception at detailed verbosity and in
            // datagate-error.log in the report folder.
            var log = WriteErrorLog(ex);
            Log.LogError(null, DiagnosticCodes.Internal.Code, null, null, 0, 0, 0, 0, $"internal error in {GetType().Name}: {ex.GetType().Name}: {ex.Message}{(log is null ? string.Empty : $" (full exception in {log})")}");
            Log.LogMessage(MessageImportance.Low, $"{DiagnosticCodes.Internal.Code} details: {ex}");
        }

        finally
        {
            _cancellation = null;
        }

        return !Log.HasLoggedErrors;
    }

    /// <summary>Asks a running task to stop (Ctrl+C); it logs DG9002 and fails.</summary>
    public void Cancel()
    {
        try
        {
            _cancellation?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The task finished meanwhile.
        }
    }

    /// <summary>Folder for datagate-error.log when the task fails unexpectedly; null writes none.</summary>
    protected virtual string? ErrorLogDirectory => null;

    private string? WriteErrorLog(Exception ex)
    {
        if (ErrorLogDirectory is not { } directory)
        {
            return null;
        }

        try
        {
            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, "datagate-error.log");
            File.WriteAllText(path, $"{GetType().Name} failed at {DateTimeOffset.UtcNow:u}\n{ex}\n");
            return path;
        }
        catch (Exception io) when (io is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The work; may throw (the base logs DG9001).</summary>
    /// <param name="cancellationToken">Signalled by <see cref="Cancel"/>.</param>
    protected abstract void ExecuteCore(CancellationToken cancellationToken);
}
