using NewsStance.Training.Models;

namespace NewsStance.Training.Tests.Models;

/// <summary>The one-step swap that puts a new bundle in place with no moment where none is there.</summary>
public sealed class DirectoryExchangeTests
{
    [Fact]
    public void Exchange_swaps_two_folders_whole_on_linux()
    {
        if (!OperatingSystem.IsLinux()) return;
        // Given
        using var folder = new TempFolder();
        var bundle = folder.Write("models/bundle/manifest.json", "old");
        var fresh = folder.Write("models/.bundle.tmp/manifest.json", "new");

        // When
        bool exchanged = DirectoryExchange.TryExchange(Path.GetDirectoryName(fresh)!, Path.GetDirectoryName(bundle)!);

        // Then
        Assert.True(exchanged);
        Assert.Equal("new", File.ReadAllText(bundle));
        Assert.Equal("old", File.ReadAllText(fresh));
    }

    [Fact]
    public void Exchange_with_a_missing_folder_changes_nothing()
    {
        // Given
        using var folder = new TempFolder();
        var bundle = folder.Write("models/bundle/manifest.json", "old");

        // When
        bool exchanged = DirectoryExchange.TryExchange(folder.PathOf("models/absent"), Path.GetDirectoryName(bundle)!);

        // Then
        Assert.False(exchanged);
        Assert.Equal("old", File.ReadAllText(bundle));
    }
}
