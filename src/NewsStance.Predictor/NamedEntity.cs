namespace NewsStance;

/// <summary>
/// A person or organisation an article names — a candidate stance target, as
/// <see cref="NewsScorer.FindNamedEntities(string)"/> finds it. Places are not named entities here.
/// </summary>
/// <param name="Name">Its fullest name in the article (<c>Dmitry Peskov</c>).</param>
/// <param name="Kind"><see cref="SpeakerKind.Person"/> or <see cref="SpeakerKind.Organization"/>.</param>
/// <param name="Aliases">The other names the article gives it (<c>Peskov</c>).</param>
/// <param name="Mentions">How often the article names it.</param>
/// <param name="InQuotes">How many of the article's quotes name it: the quotes that can carry a stance toward it.</param>
public sealed record NamedEntity(string Name, SpeakerKind Kind, IReadOnlyList<string> Aliases, int Mentions, int InQuotes);
