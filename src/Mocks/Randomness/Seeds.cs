using ContractKit.Mocks.Generation;

namespace ContractKit.Mocks.Randomness;

/// <summary>
/// Deterministic randomness by position: the n-th record of a dataset under a seed always gets the
/// same choices, whatever order requests come in. SplitMix64 mixing, no state.
/// </summary>
internal static class Seeds
{
    /// <summary>A well-mixed 64-bit value from the inputs.</summary>
    public static ulong Mix(ulong seed, ulong a, ulong b = 0, ulong c = 0)
    {
        var x = seed;
        x = Step(x ^ a);
        x = Step(x ^ b);
        return Step(x ^ c);
    }

    /// <summary>A stable 64-bit hash of a name (FNV-1a), for salting seeds by dataset.</summary>
    public static ulong Of(string name)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>A uniform double in [0, 1) from a mixed value.</summary>
    public static double Unit(ulong mixed) => (mixed >> 11) * (1.0 / (1UL << 53));

    // One SplitMix64 step: the golden-ratio increment, then the output function the generator's Prng already has.
    private static ulong Step(ulong z) => Prng.Mix(z + 0x9E3779B97F4A7C15UL);
}
