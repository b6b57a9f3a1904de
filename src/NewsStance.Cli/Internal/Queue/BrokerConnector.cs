using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace NewsStance.Cli.Internal.Queue;

/// <summary>
/// Opens the connection to the broker, trying again every two seconds until the connect timeout: a
/// worker started beside its broker (a container, a boot) waits for it instead of failing. Once open,
/// the client's automatic recovery takes over (<see cref="BrokerOptions.TryCreateFactory"/>).
/// </summary>
internal static class BrokerConnector
{
    public static async Task<IConnection?> ConnectAsync(ConnectionFactory factory, TimeSpan timeout, ErrorReporter errors, CancellationToken cancellation)
    {
        var deadline = DateTime.UtcNow + timeout;
        bool told = false;
        while (true)
        {
            try { return await factory.CreateConnectionAsync(cancellation); }
            catch (BrokerUnreachableException e) when (!cancellation.IsCancellationRequested)
            {
                if (DateTime.UtcNow >= deadline)
                {
                    errors.Error($"cannot reach the broker at {BrokerOptions.Describe(factory)}: {Reason(e)}. Is RabbitMQ running there (--broker, ${BrokerOptions.UriVariable})?");
                    return null;
                }
                if (!told) errors.Warning($"waiting for the broker at {BrokerOptions.Describe(factory)} ({Reason(e)})");
                told = true;
            }
            try { await Task.Delay(TimeSpan.FromSeconds(2), cancellation); }
            catch (OperationCanceledException) { return null; }
        }
    }

    private static string Reason(Exception e)
    {
        // The useful cause (refused, access refused) sits under the client's wrapper exceptions.
        while (e.InnerException is not null) e = e.InnerException;
        return e.Message;
    }
}
