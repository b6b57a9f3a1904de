using NewsStance.Cli.Tests.Support;
namespace NewsStance.Cli.Tests;
public sealed class ProbeTests
{
    [Fact]
    public void Probe()
    {
        using var dir = new TempFolder();
        var path = dir.Write("miller.txt", Articles.OneQuote);
        var r = Newsstance.Run("score", "--rules-only", path);
        File.WriteAllText("/tmp/exp/table.txt", r.Output);
        var h = Newsstance.Run("score", "--help");
        File.WriteAllText("/tmp/exp/help.txt", h.ToString());
    }
}
