namespace NewsStance.Cli.Internal.Writers;

/// <summary>Writes scored articles in one output format.</summary>
internal interface IResultWriter : IDisposable
{
    void Write(ArticleResult result, ArticleInput input);
}
