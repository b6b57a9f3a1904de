using System.Globalization;
using NewsStance.Training.Models;
using Spectre.Console;

namespace NewsStance.Training.Reports;

/// <summary>Prints metrics for people: per-fold and mean ± sd, per class, the confusion matrix.</summary>
internal static class MetricsReport
{
    public static string F(double x) => x.ToString("0.000", CultureInfo.InvariantCulture);

    public static (double Mean, double Sd) MeanSd(IEnumerable<double> xs)
    {
        var a = xs.ToArray();
        if (a.Length == 0) return (0, 0);
        double m = a.Average();
        return (m, a.Length > 1 ? Math.Sqrt(a.Sum(x => (x - m) * (x - m)) / (a.Length - 1)) : 0);
    }

    public static void Folds(IAnsiConsole console, string title, IReadOnlyList<ClassMetrics> folds)
    {
        if (folds.Count == 0)
        {
            console.MarkupLine($"{Markup.Escape(title)}: [yellow]no fold could be evaluated[/] (too few groups); see the held-out figures instead.");
            return;
        }
        var t = new Table().Title(title).AddColumn("fold").AddColumn("macro-F1").AddColumn("accuracy");
        for (int i = 0; i < folds.Count; i++) t.AddRow((i + 1).ToString(), F(folds[i].MacroF1), F(folds[i].Accuracy));
        var (mf, sf) = MeanSd(folds.Select(f => f.MacroF1));
        var (ma, sa) = MeanSd(folds.Select(f => f.Accuracy));
        t.AddRow("[bold]mean ± sd[/]", $"{F(mf)} ± {F(sf)}", $"{F(ma)} ± {F(sa)}");
        console.Write(t);
    }

    public static void Classes(IAnsiConsole console, string title, ClassMetrics m)
    {
        // The headline is a line of its own, not the table's title: a title wraps at the table's width
        // and would split the figures people (and scripts) look for.
        console.WriteLine($"{title}: macro-F1 {F(m.MacroF1)}, accuracy {F(m.Accuracy)}");
        var t = new Table()
            .AddColumn("class").AddColumn("precision").AddColumn("recall").AddColumn("F1").AddColumn("support");
        foreach (var (label, v) in m.PerClass) t.AddRow(label, F(v.P), F(v.R), F(v.F1), v.Support.ToString());
        console.Write(t);
        var c = new Table().Title("confusion (rows gold, columns predicted)").AddColumn("gold \\ pred");
        foreach (var l in m.Labels) c.AddColumn(l);
        for (int i = 0; i < m.Labels.Length; i++)
            c.AddRow([m.Labels[i], .. Enumerable.Range(0, m.Labels.Length).Select(j => m.Confusion[i, j].ToString())]);
        console.Write(c);
    }
}
