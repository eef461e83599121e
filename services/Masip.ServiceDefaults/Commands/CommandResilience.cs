using Masip.ServiceDefaults.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Masip.ServiceDefaults.Commands;

/// <summary>
/// Retries live here and nowhere else: a command that lost a write race (another writer appended
/// to its stream, or claimed the same unique key, first) is decided again on fresh state, a few
/// times with jittered back-off. What still conflicts after that answers Aborted.
/// </summary>
public static class CommandResilience
{
    public const string Key = "masip-command";
    public const int MaxRetries = 12;

    public static IServiceCollection AddCommandPipeline(this IServiceCollection services)
    {
        // Built with Polly.Core alone: Polly's telemetry would log each command's reply, and a reply
        // carries personal data. A retry is logged by the exception's type only.
        services.AddKeyedSingleton(Key, (provider, _) =>
        {
            var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CommandPipeline));
            return new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(WriteConflicts.IsConflict),
                MaxRetryAttempts = MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(10),
                MaxDelay = TimeSpan.FromMilliseconds(400),
                OnRetry = retry =>
                {
                    logger.LogDebug("A command lost a write race ({Error}); deciding again (attempt {Attempt})",
                        retry.Outcome.Exception?.GetType().Name, retry.AttemptNumber + 1);
                    return ValueTask.CompletedTask;
                },
            }).Build();
        });
        services.AddSingleton<CommandPipeline>();
        return services;
    }
}
