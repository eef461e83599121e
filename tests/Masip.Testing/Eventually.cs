namespace Masip.Testing;

/// <summary>Waits for something asynchronous (a message crossing the broker) to become true.</summary>
public static class Eventually
{
    public static async Task<bool> TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, TimeSpan? poll = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                if (await condition())
                    return true;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                // Not there yet (a NotFound, a connection refused while a broker restarts).
            }
            if (DateTime.UtcNow >= deadline)
                return false;
            await Task.Delay(poll ?? TimeSpan.FromMilliseconds(200));
        }
    }

    public static async Task<T> ValueAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what) where T : class
    {
        T? value = null;
        var found = await TrueAsync(async () => (value = await probe()) is not null, timeout);
        return found ? value! : throw new TimeoutException($"{what} did not happen within {timeout.TotalSeconds:0} s");
    }
}
