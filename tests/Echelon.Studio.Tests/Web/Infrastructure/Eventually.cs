namespace Echelon.Studio.Tests.Web.Infrastructure;

/// <summary>Waits for a condition that another thread or process makes true, failing with a message after a generous limit.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string? what = null, TimeSpan? within = null)
    {
        DateTime deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(15));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"still not true after {(within ?? TimeSpan.FromSeconds(15)).TotalSeconds:0.#} s: {what ?? "condition"}");
            }

            await Task.Delay(20);
        }
    }
}
