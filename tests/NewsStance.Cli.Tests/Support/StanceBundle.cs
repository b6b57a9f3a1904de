using System.Reflection;
using System.Text;

namespace NewsStance.Cli.Tests.Support;

/// <summary>
/// A stance-only model bundle trained once, through the training app's own command line
/// (<c>train-stance</c>), from a CSV these tests write: three labels, each said with its own clear words.
/// </summary>
public sealed class StanceBundle : IDisposable
{
    private readonly TempFolder _folder = new();

    public StanceBundle()
    {
        var csv = new StringBuilder("id,text,target,target_start,target_end,stance\n");
        string[] templates =
        [
            "favor|{0} deserves our full support and warm praise for the {1}.",
            "against|{0} must be condemned and firmly opposed over the {1}.",
            "neutral|{0} will hold a routine meeting about the {1} next week.",
        ];
        int n = 0;
        foreach (var template in templates)
            foreach (var target in new[] { "Anna Berg", "the council", "Mayor Lee", "the party", "Governor Diaz" })
                foreach (var topic in new[] { "budget", "housing plan", "new law", "trade deal" })
                {
                    var (label, text) = (template.Split('|')[0], string.Format(template.Split('|')[1], target, topic));
                    csv.Append($"r{++n},{text},{target},0,{target.Length},{label}\n");
                }
        var data = _folder.Write("stance.csv", csv.ToString());
        Directory = _folder.PathOf("bundle");
        var training = Assembly.Load("newsstance-train").EntryPoint!;
        string[] args = ["train-stance", "--data", data, "--out", Directory, "--folds", "2", "--seed", "3"];
        var exit = (int)training.Invoke(null, [args])!;
        if (exit != 0) throw new InvalidOperationException($"train-stance exited with {exit}");
    }

    public string Directory { get; }

    public void Dispose() => _folder.Dispose();
}
