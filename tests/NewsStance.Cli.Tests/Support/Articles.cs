namespace NewsStance.Cli.Tests.Support;

/// <summary>Small articles written for these tests, in the shapes of spec/OUTPUT.md §1.</summary>
internal static class Articles
{
    /// <summary>Shape 1: the wire format, with a leading space, a date header and a dateline.</summary>
    public const string Wire =
        " date 2019-09-26 MOSCOW (Sputnik) - The Kremlin has commented on the talks.\n\n"
        + "\"We support the dialogue between the government and the opposition,\" Kremlin spokesman Dmitry Peskov told reporters.\n\n"
        + "Peskov said that Russia would continue to help Venezuela.\n";

    /// <summary>Shape 2: a title line, a blank line, the body.</summary>
    public const string Plain =
        "Senate passes the budget\n\n"
        + "\"This budget is a disaster for working families,\" Senator Jane Miller said on Tuesday.\n\n"
        + "According to the White House, the bill will be signed next week.\n";

    /// <summary>One direct quote, one speaker, nothing else.</summary>
    public const string OneQuote = "\"Taxes are too high,\" Jane Miller said.\n";

    /// <summary>A direct quote with commas inside, to test CSV escaping.</summary>
    public const string CommaQuote = "\"Taxes are high, wages are low, and nobody listens,\" Jane Miller said.\n";

    /// <summary>An article with no quotation and no reported speech.</summary>
    public const string NoQuote = "The weather was mild on Tuesday. Markets closed higher.\n";

    /// <summary>Three speakers: praise for Nicolas Maduro, condemnation of the union, a neutral remark (the tiny stance bundle's test article).</summary>
    public const string ThreeSpeakers =
        "\"Nicolas Maduro deserves our full support and warm praise for the budget,\" Jane Miller said.\n\n"
        + "\"The union must be condemned and firmly opposed over the new law,\" Tom Baker said.\n\n"
        + "\"It will rain tomorrow,\" Anna Berg said.\n";
}
