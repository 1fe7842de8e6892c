namespace ContractKit.Contracts.Validation.Formats;

/// <summary>The IDNA2008 derived property of a code point (RFC 5892 section 2).</summary>
internal enum IdnaProperty
{
    /// <summary>DISALLOWED or UNASSIGNED: never in a label.</summary>
    Disallowed,

    /// <summary>PVALID: allowed anywhere.</summary>
    Valid,

    /// <summary>CONTEXTJ: a joiner, allowed where RFC 5892 Appendix A's rule holds.</summary>
    ContextJ,

    /// <summary>CONTEXTO: allowed where RFC 5892 Appendix A's rule holds.</summary>
    ContextO,
}

/// <summary>The Bidi classes the Bidi rule (RFC 5893 section 2) names; <see cref="Other"/> for the rest.</summary>
internal enum BidiClass
{
    Other,
    L,
    R,
    AL,
    AN,
    EN,
    ES,
    CS,
    ET,
    ON,
    BN,
    NSM,
}

/// <summary>The scripts RFC 5892's contextual rules name.</summary>
internal enum IdnaScript
{
    Other,
    Greek,
    Hebrew,
    Hiragana,
    Katakana,
    Han,
}

/// <summary>The joining types the ZERO WIDTH NON-JOINER rule names.</summary>
internal enum JoiningType
{
    Other,
    Left,
    Dual,
    Right,
    Transparent,
}

/// <summary>
/// What IDNA2008 needs to know about one code point, looked up in <see cref="IdnaTables"/>. The
/// Bidi class, script and so on are recorded only for code points that may appear in a label.
/// </summary>
internal readonly struct IdnaAttributes
{
    private readonly ushort _bits;

    private IdnaAttributes(ushort bits) => _bits = bits;

    /// <summary>The derived property.</summary>
    public IdnaProperty Property => (IdnaProperty)(_bits & 0x3);

    /// <summary>The Bidi class.</summary>
    public BidiClass Bidi => (BidiClass)((_bits >> 2) & 0xF);

    /// <summary>Whether the General_Category is a mark (Mn, Mc or Me).</summary>
    public bool IsMark => (_bits & 0x40) != 0;

    /// <summary>Whether the Canonical_Combining_Class is Virama (9).</summary>
    public bool IsVirama => (_bits & 0x80) != 0;

    /// <summary>The script, if one of the five that matter.</summary>
    public IdnaScript Script => (IdnaScript)((_bits >> 8) & 0x7);

    /// <summary>The joining type, if one of the four that matter.</summary>
    public JoiningType Joining => (JoiningType)((_bits >> 11) & 0x7);

    /// <summary>The attributes of a code point (0 to 0x10FFFF).</summary>
    public static IdnaAttributes Of(int codePoint)
    {
        var index = IdnaTables.RunStarts.BinarySearch(codePoint);
        return new IdnaAttributes(IdnaTables.RunAttributes[index >= 0 ? index : ~index - 1]);
    }
}
