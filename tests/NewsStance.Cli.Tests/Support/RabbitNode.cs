using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NewsStance.Cli.Tests.Support;

/// <summary>
/// A private RabbitMQ node for the queue tests: Debian's <c>rabbitmq-server</c>, on the loopback address
/// only, with its own ports, node name, Erlang cookie and data folder, so it never meets another broker on
/// the machine. Started once for the "RabbitMQ" test collection (about 15 s) and stopped after it, with the
/// <c>epmd</c> it started. Not installed is a failure, not a skip: CI installs it (.ci/run).
/// </summary>
public sealed class RabbitNode : IDisposable
{
    private const string Bin = "/usr/lib/rabbitmq/bin";
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(120);

    private readonly TempFolder _home = new();
    private readonly Dictionary<string, string> _environment;
    private readonly int _epmdPort;
    private Process? _server;
    private readonly StringBuilder _serverOutput = new();

    public RabbitNode()
    {
        if (!File.Exists(Path.Combine(Bin, "rabbitmq-server")))
            throw new InvalidOperationException($"RabbitMQ is not installed ({Bin}/rabbitmq-server is missing): the queue tests need a real broker. Install it with `apt-get update && apt-get install -y rabbitmq-server` (.ci/run does).");
        Port = FreePort();
        _epmdPort = FreePort();
        NodeName = $"newsstance-test-{Environment.ProcessId}@localhost";
        Directory.CreateDirectory(_home.PathOf("mnesia"));
        Directory.CreateDirectory(_home.PathOf("log"));
        File.WriteAllText(_home.PathOf("enabled_plugins"), "[].\n");
        _environment = new()
        {
            ["HOME"] = _home.Path, // the Erlang cookie the node and rabbitmqctl share
            ["RABBITMQ_NODENAME"] = NodeName,
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = Port.ToString(),
            ["RABBITMQ_DIST_PORT"] = FreePort().ToString(),
            ["ERL_EPMD_PORT"] = _epmdPort.ToString(),
            ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
            // Quorum queues (the articles queue) publish their counts to list_queues once per tick, 5 s by default.
            ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = $"-kernel inet_dist_use_interface {{127,0,0,1}} -rabbit quorum_tick_interval {QuorumTick.TotalMilliseconds}",
            ["RABBITMQ_MNESIA_BASE"] = _home.PathOf("mnesia"),
            ["RABBITMQ_LOG_BASE"] = _home.PathOf("log"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = _home.PathOf("enabled_plugins"),
            ["RABBITMQ_CONFIG_FILE"] = _home.PathOf("rabbitmq"),
        };
        Start();
    }

    /// <summary>The node's AMQP port on 127.0.0.1.</summary>
    public int Port { get; }

    public string NodeName { get; }

    /// <summary>The <c>--broker</c> URI of this node.</summary>
    public string Uri => $"amqp://guest:guest@127.0.0.1:{Port}/";

    /// <summary>Stops the node as an operator would and starts it again on the same data (durable queues and persistent messages survive).</summary>
    public void Restart()
    {
        Stop();
        Start();
    }

    /// <summary>How often the node's quorum queues refresh the counts <see cref="Queues"/> reads.</summary>
    private static readonly TimeSpan QuorumTick = TimeSpan.FromMilliseconds(100);

    /// <summary>Messages ready and messages delivered but not yet acknowledged, per queue, as of at most a moment ago.</summary>
    public Dictionary<string, (long Ready, long Unacknowledged)> Queues()
    {
        // A quorum queue's counts are as of its last tick: wait for ticks after whatever the caller just did.
        Thread.Sleep(QuorumTick * 3);
        var output = Ctl("-q", "list_queues", "name", "messages_ready", "messages_unacknowledged");
        var queues = new Dictionary<string, (long, long)>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var f = line.Split('\t');
            if (f.Length == 3 && long.TryParse(f[1], out var ready) && long.TryParse(f[2], out var unacked)) queues[f[0]] = (ready, unacked);
        }
        return queues;
    }

    private void Start()
    {
        _server = Run(Path.Combine(Bin, "rabbitmq-server"));
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_server.HasExited) throw new InvalidOperationException($"rabbitmq-server exited ({_server.ExitCode}) before it was ready:\n{Output()}");
            using (var ready = Run(Path.Combine(Bin, "rabbitmqctl"), "-n", NodeName, "-q", "await_startup", "--timeout", "30"))
            {
                ready.WaitForExit();
                if (ready.ExitCode == 0) return;
            }
            if (clock.Elapsed > StartLimit) throw new InvalidOperationException($"rabbitmq-server was not ready after {StartLimit.TotalSeconds} s:\n{Output()}");
            Thread.Sleep(500);
        }
    }

    private void Stop()
    {
        if (_server is null) return;
        Ctl("stop");
        if (!_server.WaitForExit(60_000)) _server.Kill(entireProcessTree: true);
        _server.Dispose();
        _server = null;
    }

    private string Ctl(params string[] args)
    {
        using var ctl = Run(Path.Combine(Bin, "rabbitmqctl"), ["-n", NodeName, .. args]);
        var output = ctl.StandardOutput.ReadToEnd();
        ctl.WaitForExit();
        if (ctl.ExitCode != 0) throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', args)} failed ({ctl.ExitCode}):\n{output}{ctl.StandardError.ReadToEnd()}");
        return output;
    }

    private Process Run(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (k, v) in _environment) info.Environment[k] = v;
        var process = Process.Start(info)!;
        if (program.EndsWith("rabbitmq-server", StringComparison.Ordinal))
        {
            process.OutputDataReceived += (_, e) => { lock (_serverOutput) _serverOutput.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { lock (_serverOutput) _serverOutput.AppendLine(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }
        return process;
    }

    private string Output() { lock (_serverOutput) return _serverOutput.ToString(); }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        try { Stop(); }
        finally
        {
            // The node leaves its epmd (port mapper) running: end it, it served only this node.
            using (var epmd = Process.Start("epmd", ["-port", _epmdPort.ToString(), "-kill"])) epmd.WaitForExit(10_000);
            _home.Dispose();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class RabbitCollection : ICollectionFixture<RabbitNode>
{
    /// <summary>The tests that share the private broker, run one after the other.</summary>
    public const string Name = "RabbitMQ";
}
