namespace NewsStance;

/// <summary>Everything NewsStance found in one article.</summary>
/// <param name="ArticleId">The file name without extension, or the JSON Lines <c>id</c>.</param>
/// <param name="Date">The wire header's <c>date</c> (yyyy-MM-dd), or null.</param>
/// <param name="Dateline">The dateline without its trailing dash, e.g. <c>MOSCOW (Sputnik)</c>, or null.</param>
/// <param name="Title">The title line of a plain-text article, or null.</param>
/// <param name="Quotes">Every quotation found, in text order.</param>
public sealed record ArticleResult(
    string ArticleId,
    string? Date,
    string? Dateline,
    string? Title,
    IReadOnlyList<QuoteResult> Quotes);
