using System.Globalization;

namespace NewsStance.Cli.Internal.Summaries;

/// <summary>The calendar period a date falls in: <c>2024-02-01</c> (day), <c>2024-W05</c> (ISO week), <c>2024-02</c> (month).</summary>
internal static class Period
{
    public static readonly string[] Names = ["day", "week", "month"];

    /// <summary>The period of <paramref name="date"/>, or null when it is missing or not a date.</summary>
    public static string? Of(string? date, string by)
    {
        if (date is null || !TryParse(date, out var d)) return null;
        return by switch
        {
            "day" => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "week" => $"{ISOWeek.GetYear(d.ToDateTime(TimeOnly.MinValue)):D4}-W{ISOWeek.GetWeekOfYear(d.ToDateTime(TimeOnly.MinValue)):D2}",
            _ => d.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>yyyy-MM-dd, optionally followed by a time ("2024-02-01T09:30:00Z"): the calendar date as written, not moved to another zone.</summary>
    private static bool TryParse(string s, out DateOnly date)
    {
        s = s.Trim();
        if (s.Length > 10 && s[10] is 'T' or 't' or ' ') s = s[..10];
        return DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}
