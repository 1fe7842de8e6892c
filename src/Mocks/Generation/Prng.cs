namespace ContractKit.Mocks.Generation;

/// <summary>
/// xoshiro256** seeded through SplitMix64: small, fast, and the same sequence for the same seed on
/// every machine and runtime. Lives on the stack and is passed by reference, so one record's
/// randomness never leaks into another's and generators stay thread-safe.
/// </summary>
internal struct Prng
{
    private const ulong Golden = 0x9E3779B97F4A7C15;

    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public Prng(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>A stream of its own for part <paramref name="index"/> of a value seeded with <paramref name="seed"/>.</summary>
    public static Prng Fork(ulong seed, int index) => new(seed + ((ulong)index + 1) * Golden);

    /// <summary>SplitMix64's output function: a bijection on 64 bits with good avalanche.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    private static ulong SplitMix(ref ulong x)
    {
        x += Golden;
        return Mix(x);
    }

    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, <paramref name="count"/>) (Lemire's multiply-shift; the bias is below 2^-32 for the counts used here).</summary>
    public int Next(int count) => (int)Math.BigMul(NextUInt64(), (ulong)count, out _);

    /// <summary>Uniform in [<paramref name="min"/>, <paramref name="max"/>], both included.</summary>
    public long Between(long min, long max)
    {
        var span = (ulong)(max - min) + 1;
        return span == 0 ? (long)NextUInt64() : min + (long)Math.BigMul(NextUInt64(), span, out _);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => NextDouble() < p;
}
