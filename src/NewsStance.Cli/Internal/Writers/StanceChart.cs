using System.Globalization;
using System.Net;
using System.Text;

namespace NewsStance.Cli.Internal.Writers;

/// <summary>
/// Stance toward one target over time as an inline SVG bar chart: one stacked bar per period, a segment
/// per label, heights by quote count. Plain SVG with titles for hover, so the report stays script-free.
/// </summary>
internal static class StanceChart
{
    private const int BarWidth = 28, Gap = 10, PlotHeight = 120, LabelHeight = 34, Left = 28;

    private static string Colour(string label) => label switch
    {
        "favor" => "#5cb85c",
        "against" => "#d9534f",
        "neutral" => "#c8b94a",
        _ => "#8aa4c0",
    };

    /// <summary>The chart, or null when fewer than two dated periods leave no "over time" to show.</summary>
    /// <param name="target">The target, named in the chart's title.</param>
    /// <param name="counts">Quotes per (period, label); periods sort in time order as text (yyyy-MM, yyyy-Www, yyyy-MM-dd).</param>
    /// <param name="labels">The labels in the order they stack, bottom first.</param>
    public static string? Svg(string target, IReadOnlyDictionary<(string Period, string Label), int> counts, IReadOnlyList<string> labels)
    {
        var periods = counts.Keys.Select(k => k.Period).Distinct().Order(StringComparer.Ordinal).ToList();
        if (periods.Count < 2) return null;
        int max = periods.Max(p => labels.Sum(l => counts.GetValueOrDefault((p, l))));
        if (max == 0) return null;
        int width = Left + periods.Count * (BarWidth + Gap), height = PlotHeight + LabelHeight;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{Html($"Stance toward {target} by period")}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"10\" font-size=\"10\" fill=\"#666\">{max}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left - 4}\" y1=\"{PlotHeight}\" x2=\"{width}\" y2=\"{PlotHeight}\" stroke=\"#bbb\"/>");
        for (int i = 0; i < periods.Count; i++)
        {
            int x = Left + i * (BarWidth + Gap);
            double y = PlotHeight;
            foreach (var l in labels)
            {
                int n = counts.GetValueOrDefault((periods[i], l));
                if (n == 0) continue;
                double h = (double)n / max * (PlotHeight - 12);
                y -= h;
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{y:0.#}\" width=\"{BarWidth}\" height=\"{h:0.#}\" fill=\"{Colour(l)}\"><title>{Html($"{periods[i]}: {n} {l}")}</title></rect>");
            }
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + BarWidth / 2}\" y=\"{PlotHeight + 12}\" font-size=\"9\" text-anchor=\"middle\" fill=\"#444\">{Html(periods[i])}</text>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Html(string s) => WebUtility.HtmlEncode(s);
}
