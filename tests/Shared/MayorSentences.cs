namespace NewsStance.Tests.Shared;

/// <summary>
/// Twelve sentences written for the tests, four per stance toward "the mayor", in words no model can
/// mistake: the training set of the tiny stance bundles the predictor tests build.
/// </summary>
internal static class MayorSentences
{
    public const string Target = "the mayor";

    public static readonly IReadOnlyList<(string Text, string Label)> Labelled =
    [
        ("We strongly support the mayor and her excellent plan", "favor"),
        ("The mayor has done a great job and deserves praise", "favor"),
        ("I welcome the mayor's brave and wise decision", "favor"),
        ("The mayor is a good leader who helps everyone", "favor"),
        ("The mayor has failed the city and must resign", "against"),
        ("The mayor's plan is a disaster and a terrible mistake", "against"),
        ("We reject the mayor's corrupt and dishonest policy", "against"),
        ("The mayor lied to voters and hurt the poor", "against"),
        ("The mayor will visit the port on Tuesday", "neutral"),
        ("The mayor met officials to discuss the schedule", "neutral"),
        ("The mayor's office published the agenda for the meeting", "neutral"),
        ("The mayor travelled to the capital by train", "neutral"),
    ];
}
