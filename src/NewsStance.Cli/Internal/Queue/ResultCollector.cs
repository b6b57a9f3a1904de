using RabbitMQ.Client;

namespace NewsStance.Cli.Internal.Queue;

/// <summary>
/// Drains the results queue into JSON Lines, one line per article id: an id already written (earlier in
/// this run, or in the file being extended) is dropped, since at-least-once delivery may score an
/// article twice. Nothing is acknowledged until the output is written, so a collect that dies takes
/// nothing off the queue. A message that is not a result goes to the dead letters.
/// </summary>
internal sealed class ResultCollector(IChannel channel, QueueNames names, DeadLetters deadLetters)
{
    public int Written { get; private set; }
    public int Duplicates { get; private set; }
    public int NotResults { get; private set; }

    /// <summary>Writes new results to <paramref name="output"/>, skipping ids in <paramref name="seen"/>; returns the last delivery tag taken (0 when the queue was empty).</summary>
    public async Task<ulong> DrainAsync(Stream output, ISet<string> seen, long max, CancellationToken cancellation)
    {
        ulong last = 0;
        for (long taken = 0; max <= 0 || taken < max; taken++)
        {
            var message = await channel.BasicGetAsync(names.Results, autoAck: false, cancellation);
            if (message is null) break;
            last = message.DeliveryTag;
            var id = ResultIds.Of(message.Body.Span);
            if (id is null)
            {
                NotResults++;
                await deadLetters.SendAsync(message.Body, message.BasicProperties, names.Results, "not a result: a JSON object with a string \"article_id\" was expected", cancellation);
                continue;
            }
            if (!seen.Add(id)) { Duplicates++; continue; }
            output.Write(message.Body.Span);
            output.WriteByte((byte)'\n');
            Written++;
        }
        return last;
    }

    /// <summary>Acknowledges every message taken, once the output holding them is safe.</summary>
    public async Task AcknowledgeAsync(ulong last)
    {
        if (last > 0) await channel.BasicAckAsync(last, multiple: true);
    }
}
