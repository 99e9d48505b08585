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
            Log.LogError(null, DiagnosticCodes.Internal.Code, null, null, 0, 0, 0, 0, $"internal error in {GetType().Name}: {ex.GetType().Name}: {ex.Message}");
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

    /// <summary>The work; may throw (the base logs DG9001).</summary>
    /// <param name="cancellationToken">Signalled by <see cref="Cancel"/>.</param>
    protected abstract void ExecuteCore(CancellationToken cancellationToken);
}
