using System.Threading;

namespace PromptGen.Bedrock.Retries;

/// <summary>
/// The standard-mode retry token bucket of one client. Retries spend tokens, successes earn them back, so when
/// most calls fail the bucket empties and the client stops multiplying its load on the service.
/// </summary>
internal sealed class RetryQuota
{
    public const int RetryCost = 5;
    public const int TimeoutRetryCost = 10;
    public const int SuccessReward = 1;

    private readonly int _capacity;
    private int _available;

    public RetryQuota(int capacity)
    {
        _capacity = capacity;
        _available = capacity;
    }

    public int Available => Volatile.Read(ref _available);

    public bool TryAcquire(int cost)
    {
        while (true)
        {
            int available = Volatile.Read(ref _available);
            if (available < cost)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _available, available - cost, available) == available)
            {
                return true;
            }
        }
    }

    public void Release(int amount)
    {
        while (true)
        {
            int available = Volatile.Read(ref _available);
            int next = available + amount > _capacity ? _capacity : available + amount;
            if (Interlocked.CompareExchange(ref _available, next, available) == available)
            {
                return;
            }
        }
    }
}
