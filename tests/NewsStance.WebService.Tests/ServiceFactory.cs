using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace NewsStance.WebService.Tests;

/// <summary>The real web service, hosted in-process, scoring with models/fast (found above the test's folder).</summary>
public sealed class ServiceFactory : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
        => builder.UseSetting("NewsStance:ModelDirectory", RepoModels.Fast);
}
