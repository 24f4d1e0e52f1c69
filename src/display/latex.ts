import {
  ACCENTS,
  ALPHABETS,
  BIG_OPERATORS,
  GREEK,
  LETTERLIKE,
  SUBSCRIPTS,
  SUPERSCRIPTS,
  SYMBOLS,
  TEXT_OPERATORS,
  toAlphabet,
} from "./latexSymbols.ts";

/*
 * Rules, chosen for chat readability rather than typesetting fidelity:
 * - A script becomes Unicode sub/superscript characters when every character of it has one
 *   (x_t → xₜ, \gamma^{k-1} → γᵏ⁻¹). Otherwise it stays readable ASCII-math: a single character
 *   as `_θ`, anything longer as `_(s ∼ B)`; a single character is also parenthesized when a letter
 *   follows directly, so T^{\Pi}Q shows as T^(Π)Q rather than T^ΠQ.
 * - \frac{a}{b} is a/b, each side parenthesized unless it is one term: \frac{1-\gamma}{\gamma} →
 *   (1−γ)/γ, and a denominator also after a coefficient: 1/(2σ²). The whole fraction is
 *   parenthesized when a letter or "(" follows directly: (1/2)x.
 * - Spacing follows the source, except that operators (log, max, ∑) stand apart from letters and
 *   a space that only ends a command's name goes (\partial \theta → ∂θ).
 * - Math `*` shows as ∗ (as LaTeX draws it), which also keeps chat Markdown from reading
 *   Q^*(s) ... Q^*(s') as emphasis.
 * - Prices are not math. `$...$` is math when the closing `$` is not followed by a digit and the
 *   span has a LaTeX command or hugs its dollars ("$x$", not "$5 and $"), as Pandoc decides.
 * - A `$` with no closing `$` (an answer cut off mid-formula) is still math when a command
 *   follows it; it runs to the end of the paragraph.
 * - Outside dollars, only known commands are converted, and not where they look like part of a
 *   path (C:\pi, \\server\alpha, \beta.txt). Code spans and URLs are never touched.
 *
 * The regular expressions with the g or y flag are shared: each use sets lastIndex just before
 * exec, and nothing here runs re-entrantly.
 */

/** How a piece of math joins its neighbours. */
type Kind = "ord" | "op" | "space" | "sep";

interface Script {
  sign: "_" | "^";
  text: string;
}

/** One rendered symbol, word or group of a formula, with the scripts attached to it. */
interface Piece {
  text: string;
  kind: Kind;
  scripts: Script[];
  /** Shown instead of `text` when a letter, digit or "(" follows directly ("(1/2)x"). */
  glued?: string;
}

interface State {
  src: string;
  pos: number;
  depth: number;
  /** Inside \text{...}: spaces, hyphens and underscores are literal. */
  text: boolean;
  /** Open \begin{...} environments, innermost last. */
  envs: string[];
}

/** Deeper nesting is flattened: keeps malformed or hostile input from overflowing the stack. */
const MAX_DEPTH = 32;

/** Opening and closing delimiter and cell separator of an environment (default: none, " "). */
const ENVIRONMENTS = new Map<string, [string, string, string]>([
  ["matrix", ["[", "]", ", "]],
  ["smallmatrix", ["[", "]", ", "]],
  ["pmatrix", ["(", ")", ", "]],
  ["bmatrix", ["[", "]", ", "]],
  ["Bmatrix", ["{", "}", ", "]],
  ["vmatrix", ["|", "|", ", "]],
  ["Vmatrix", ["‖", "‖", ", "]],
  ["cases", ["{", "", ", "]],
  ["dcases", ["{", "", ", "]],
  ["array", ["", "", ", "]],
]);

function words(...lines: string[]): ReadonlySet<string> {
  return new Set(lines.join(" ").split(" "));
}

/** Commands that only size, space or style: they show as nothing. */
const INVISIBLE = words(
  "left right middle big Big bigg Bigg bigl bigr Bigl Bigr biggl biggr Biggl Biggr",
  "displaystyle textstyle scriptstyle scriptscriptstyle limits nolimits nonumber notag",
  "mathstrut strut bf rm it cal sf tt normalsize small large Large LARGE thinspace negthinspace",
);
const SPACES = words("quad qquad enspace medspace thickspace space hfill");
/** Commands whose argument is not shown (labels, colours, invisible boxes). */
const DROP_ARGUMENT = words("label color hspace vspace phantom hphantom vphantom ref eqref");
/** Commands whose argument shows as it is. */
const SHOW_ARGUMENT = words(
  "boxed mathop mathbin mathrel mathord underbrace overbrace cancel bcancel xcancel",
  "substack smash mathclap llap rlap fbox mathit mathsf mathtt mathnormal mathrm",
);
/** Commands whose argument is text: spaces inside it count. */
const TEXT_ARGUMENT = words(
  "text textrm textit textbf textsf texttt textnormal textup emph mbox hbox",
);
const FRACTIONS = words("frac dfrac tfrac cfrac");

const WORD_START = /^[\p{L}\p{Nd}]/u;
/** What an operator is spaced from when it follows directly: a letter, digit or closed term. */
const BEFORE_OPERATOR = /[\p{L}\p{N}\p{M})\]}′∗]$/u;
const SINGLE_GRAPHEME = /^.\p{M}*$/u;
/** A number multiplying what follows it ("2σ²"); a superscript digit is part of the number. */
const COEFFICIENT = /^\d+(?:\.\d+)?(?![\d¹²³⁰⁴-⁹₀-₉]|$)/u;
/** Characters that split a formula into terms, so a fraction's side needs parentheses. */
const TERM_SPLITTER = /[+\-−±∓=<>≤≥≠≈∼≃≅≡∝·×÷/,;:∈∉∋⊂⊆⊃⊇∪∩∖→←↔⇒⇐⇔⟹⟸⟺↦∧∨…⋯]/;

function piece(text: string, kind: Kind = "ord"): Piece {
  return { text, kind, scripts: [] };
}

/** True when `text` reads as one term: no spaces and no operator outside brackets. */
function isAtom(text: string): boolean {
  if (/\s/.test(text)) return false;
  let depth = 0;
  for (const char of text) {
    if ("([{⟨".includes(char)) depth++;
    else if (")]}⟩".includes(char)) depth--;
    else if (depth === 0 && TERM_SPLITTER.test(char)) return false;
  }
  return true;
}

function wrap(text: string): string {
  return isAtom(text) ? text : `(${text})`;
}

/** A denominator also needs parentheses after a coefficient: a/(2σ²), not a/2σ². */
function wrapDenominator(text: string): string {
  return COEFFICIENT.test(text) ? `(${text})` : wrap(text);
}

/** The script in Unicode sub/superscripts when every character has one, else undefined. */
function unicodeScript(text: string, table: ReadonlyMap<string, string>): string | undefined {
  let out = "";
  for (const char of text.replace(/\s+/g, "")) {
    const mapped = table.get(char);
    if (mapped === undefined) return undefined;
    out += mapped;
  }
  return out;
}

function formatScript(script: Script, allowBare: boolean): string {
  const table = script.sign === "_" ? SUBSCRIPTS : SUPERSCRIPTS;
  const unicode = unicodeScript(script.text, table);
  if (unicode !== undefined) return unicode;
  // One character (with its accents) needs no parentheses unless a letter follows directly.
  if (allowBare && SINGLE_GRAPHEME.test(script.text)) return script.sign + script.text;
  return `${script.sign}(${script.text})`;
}

function renderPiece(p: Piece, next: string): string {
  const wordNext = WORD_START.test(next);
  if (p.scripts.length === 0) {
    const text = p.glued !== undefined && (wordNext || next === "(") ? p.glued : p.text;
    return p.kind === "op" && wordNext ? `${text} ` : text;
  }
  // An operator gets a space after it, so its last script may stay bare before a letter.
  const spaced = p.kind === "op" && wordNext;
  let text = isAtom(p.text) || SINGLE_GRAPHEME.test(p.text) ? p.text : `(${p.text})`;
  p.scripts.forEach((script, i) => {
    const last = i === p.scripts.length - 1;
    text += formatScript(script, last && (spaced || !wordNext));
  });
  return spaced ? `${text} ` : text;
}

/** Joins pieces right to left, since how a piece shows depends on what follows it. */
function render(pieces: readonly Piece[]): string {
  const parts: string[] = [];
  let next = "";
  let nextPiece: Piece | undefined;
  for (let i = pieces.length - 1; i >= 0; i--) {
    const p = pieces[i];
    if (p === undefined) continue;
    let text = renderPiece(p, next);
    // "x\log y" shows "x log y", "(1-a)^2\sum" shows "(1−a)² ∑": operators stand apart.
    if (nextPiece?.kind === "op" && BEFORE_OPERATOR.test(text)) {
      text = `${renderPiece(p, " ")} `;
    }
    parts.push(text);
    if (text !== "") next = String.fromCodePoint(text.codePointAt(0) ?? 32);
    nextPiece = p;
  }
  return parts.reverse().join("").replace(/ {2,}/g, " ");
}

/** Drops spaces at both ends and row separators at the end. */
function trimPieces(pieces: Piece[]): Piece[] {
  let start = 0;
  let end = pieces.length;
  while (start < end && pieces[start]?.kind === "space") start++;
  while (end > start && (pieces[end - 1]?.kind === "space" || pieces[end - 1]?.kind === "sep")) {
    end--;
  }
  return pieces.slice(start, end);
}

/** Adds a piece; a cell or row separator swallows the spaces before it. */
function push(pieces: Piece[], shown: Piece | undefined): void {
  if (shown === undefined) return;
  if (shown.kind === "sep") while (pieces.at(-1)?.kind === "space") pieces.pop();
  pieces.push(shown);
}

function pushSpace(pieces: Piece[]): void {
  if (pieces.at(-1)?.kind !== "space") pieces.push(piece(" ", "space"));
}

function attachScript(pieces: Piece[], sign: "_" | "^", text: string): void {
  while (pieces.at(-1)?.kind === "space") pieces.pop();
  let base = pieces.at(-1);
  if (base === undefined || base.kind === "sep") {
    base = piece("");
    pieces.push(base);
  }
  if (text !== "") base.scripts.push({ sign, text });
}

/** Parses until `closer` (consumed) or the end of the source. */
function parseSequence(st: State, closer?: "}" | "]"): Piece[] {
  const pieces: Piece[] = [];
  while (st.pos < st.src.length) {
    const char = String.fromCodePoint(st.src.codePointAt(st.pos) ?? 32);
    if (char === closer) {
      st.pos++;
      return pieces;
    }
    if (char === "}") {
      st.pos++; // An unbalanced closing brace shows as nothing.
    } else if (/\s/.test(char)) {
      while (/\s/.test(st.src[st.pos] ?? "")) st.pos++;
      pushSpace(pieces);
    } else if (char === "{") {
      st.pos++;
      pushGroup(st, pieces);
    } else if (char === "\\") {
      st.pos++;
      command(st, pieces);
    } else if (!st.text && (char === "_" || char === "^")) {
      st.pos++;
      attachScript(pieces, char, readArgument(st));
    } else {
      st.pos += char.length;
      push(pieces, charPiece(st, char));
    }
  }
  return pieces;
}

/** A braced group: flattened into the formula, or one piece when scripts attach to it. */
function pushGroup(st: State, pieces: Piece[]): void {
  const group = parseGroup(st, "}");
  if (!st.text && /^\s*[_^]/.test(st.src.slice(st.pos, st.pos + 8))) {
    pieces.push(piece(render(trimPieces(group))));
  } else {
    pieces.push(...group);
  }
}

function parseGroup(st: State, closer: "}" | "]"): Piece[] {
  // Too deep: the content is parsed at this level instead, where its closer shows as nothing.
  if (st.depth >= MAX_DEPTH) return [];
  st.depth++;
  const pieces = parseSequence(st, closer);
  st.depth--;
  return pieces;
}

/** Math draws these as minus, asterisk operator and prime; ∗ also keeps clear of Markdown. */
const MATH_CHARS: ReadonlyMap<string, string> = new Map([
  ["-", "−"],
  ["*", "∗"],
  ["'", "′"],
]);

function charPiece(st: State, char: string): Piece | undefined {
  if (char === "~") return piece(" ", "space");
  if (st.text) return char === "$" ? undefined : piece(char);
  if (char === "&") return piece(ENVIRONMENTS.get(st.envs.at(-1) ?? "")?.[2] ?? " ", "sep");
  return piece(MATH_CHARS.get(char) ?? char);
}

/** One argument: a braced group or a single token, rendered. */
function readArgument(st: State, textMode = st.text): string {
  while (/\s/.test(st.src[st.pos] ?? "")) st.pos++;
  const saved = st.text;
  st.text = textMode;
  const pieces: Piece[] = [];
  const char = st.src[st.pos];
  if (char === "{") {
    st.pos++;
    pieces.push(...parseGroup(st, "}"));
  } else if (char === "\\" && st.depth < MAX_DEPTH) {
    st.pos++;
    st.depth++;
    command(st, pieces);
    st.depth--;
  } else if (char !== undefined && char !== "}") {
    const point = String.fromCodePoint(st.src.codePointAt(st.pos) ?? 32);
    st.pos += point.length;
    push(pieces, charPiece(st, point));
  }
  st.text = saved;
  return textMode ? render(pieces) : render(trimPieces(pieces));
}

const NAME = /[A-Za-z]+/y;
const STAR = /\*/y;
const OPEN_BRACE = /\s*\{/y;
const OPEN_BRACKET = /\s*\[/y;
const INVISIBLE_DELIMITER = /\s*\./y;
const ENVIRONMENT_NAME = /\s*\{([A-Za-z]+\*?)\}/y;
const COLUMN_SPEC = /\s*\{[^{}]*\}/y;
/** Spaces, then a command or a lone letter ("\partial L", not "\epsilon such"). */
const SPACE_THEN_LETTER = /\s+(?:\\([A-Za-z]+)|[A-Za-z](?![A-Za-z.]))/y;

/** Skips the sticky `pattern` when it matches at the cursor; returns the match. */
function skip(st: State, pattern: RegExp): RegExpExecArray | null {
  pattern.lastIndex = st.pos;
  const match = pattern.exec(st.src);
  if (match) st.pos += match[0].length;
  return match;
}

function isLetterlike(name: string): boolean {
  return GREEK.has(name) || LETTERLIKE.has(name) || ALPHABETS.has(name) || ACCENTS.has(name);
}

/** "\partial \theta" is ∂θ, as LaTeX draws it: the space only ended the command's name. */
function skipSpaceBeforeLetter(st: State): void {
  SPACE_THEN_LETTER.lastIndex = st.pos;
  const match = SPACE_THEN_LETTER.exec(st.src);
  if (match && (match[1] === undefined || isLetterlike(match[1]))) {
    while (/\s/.test(st.src[st.pos] ?? "")) st.pos++;
  }
}

/** A command after its backslash: `\alpha`, `\frac{a}{b}`, `\,`. */
function command(st: State, pieces: Piece[]): void {
  const name = skip(st, NAME)?.[0];
  if (name === "end") {
    endEnvironment(st, pieces);
  } else if (name !== undefined && SHOW_ARGUMENT.has(name) && skip(st, OPEN_BRACE)) {
    pushGroup(st, pieces);
  } else {
    push(pieces, name === undefined ? controlSymbol(st) : namedCommand(st, name));
    if (name !== undefined && isLetterlike(name)) skipSpaceBeforeLetter(st);
  }
}

/** `\,`, `\{`, `\\` and the like. */
function controlSymbol(st: State): Piece | undefined {
  const char = st.src[st.pos];
  if (char === undefined) return undefined;
  st.pos++;
  if (char === "," || char === "!") return undefined; // thin and negative thin space
  if (" ;:>".includes(char)) return piece(" ", "space");
  if (char === "\\") return piece("; ", "sep"); // a new row
  return piece(char === "|" ? "‖" : char);
}

function namedCommand(st: State, name: string): Piece | undefined {
  const symbol = GREEK.get(name) ?? LETTERLIKE.get(name) ?? SYMBOLS.get(name);
  if (symbol !== undefined) return piece(symbol);
  const big = BIG_OPERATORS.get(name);
  if (big !== undefined) return piece(big, "op");
  if (TEXT_OPERATORS.has(name)) return word(name);
  if (SPACES.has(name)) return piece(" ", "space");
  if (INVISIBLE.has(name)) {
    if (name === "left" || name === "right") skip(st, INVISIBLE_DELIMITER); // \left. shows nothing
    return undefined;
  }
  const alphabet = ALPHABETS.get(name);
  if (alphabet !== undefined) return piece(toAlphabet(readArgument(st), alphabet));
  const accent = ACCENTS.get(name);
  // The mark goes on every character, so \overline{xy} is x̅y̅.
  if (accent !== undefined) {
    return piece(readArgument(st).replace(/[^\s\p{M}]\p{M}*/gu, (c) => c + accent));
  }
  if (TEXT_ARGUMENT.has(name)) return piece(readArgument(st, true));
  if (SHOW_ARGUMENT.has(name)) return piece(readArgument(st));
  if (DROP_ARGUMENT.has(name)) {
    readArgument(st);
    return undefined;
  }
  return structure(st, name);
}

/** An upright word (log, max, an unknown command): spaced from letters around it. */
function word(name: string): Piece {
  return piece(name, "op");
}

/** Commands that build structure from their arguments; anything else shows its name. */
function structure(st: State, name: string): Piece | undefined {
  if (FRACTIONS.has(name)) {
    const text = `${wrap(readArgument(st))}/${wrapDenominator(readArgument(st))}`;
    return { ...piece(text), glued: `(${text})` };
  }
  switch (name) {
    case "sqrt":
      return root(st);
    case "binom":
      return piece(`(${readArgument(st)} choose ${readArgument(st)})`);
    case "operatorname":
      skip(st, STAR);
      return word(readArgument(st));
    case "bmod":
      return word("mod");
    case "pmod":
      return piece(`(mod ${readArgument(st)})`);
    case "tag":
      return piece(`(${readArgument(st, true)})`);
    case "textcolor":
    case "colorbox":
      readArgument(st); // the colour
      return piece(readArgument(st));
    case "not":
      return piece(negate(readArgument(st)));
    case "overset":
    case "stackrel":
    case "underset": {
      const script = readArgument(st);
      const base = piece(readArgument(st));
      base.scripts.push({ sign: name === "underset" ? "_" : "^", text: script });
      return base;
    }
    case "begin":
      return beginEnvironment(st);
    default:
      // Unknown: the name without its backslash reads better than nothing (\KL → KL).
      return word(name);
  }
}

function root(st: State): Piece {
  const index = skip(st, OPEN_BRACKET) ? render(trimPieces(parseGroup(st, "]"))) : "";
  const radicand = readArgument(st);
  const sign = ROOTS.get(index) ?? `${unicodeScript(index, SUPERSCRIPTS) ?? `(${index})`}√`;
  if (!isAtom(radicand)) return piece(`${sign}(${radicand})`);
  return { ...piece(sign + radicand), glued: `${sign}(${radicand})` };
}

const ROOTS: ReadonlyMap<string, string> = new Map([
  ["", "√"],
  ["3", "∛"],
  ["4", "∜"],
]);

const NEGATED: ReadonlyMap<string, string> = new Map([
  ["∈", "∉"],
  ["=", "≠"],
  ["∃", "∄"],
  ["∼", "≁"],
  ["|", "∤"],
  ["⊂", "⊄"],
  ["⊆", "⊈"],
]);

/** `\not` before a symbol: its negated form, else the symbol struck through. */
function negate(text: string): string {
  return NEGATED.get(text) ?? text.replace(/^\P{M}/u, (c) => `${c}\u0338`);
}

function beginEnvironment(st: State): Piece | undefined {
  const name = skip(st, ENVIRONMENT_NAME)?.[1] ?? "";
  if (name === "array" || name === "tabular") skip(st, COLUMN_SPEC);
  st.envs.push(name);
  const open = ENVIRONMENTS.get(name)?.[0];
  return open ? piece(open) : undefined;
}

function endEnvironment(st: State, pieces: Piece[]): void {
  skip(st, ENVIRONMENT_NAME);
  const name = st.envs.pop() ?? "";
  while (pieces.at(-1)?.kind === "space" || pieces.at(-1)?.kind === "sep") pieces.pop();
  const close = ENVIRONMENTS.get(name)?.[1];
  if (close) pieces.push(piece(close));
}

/** The body of a formula, without its dollars, as readable Unicode. */
function convertMath(body: string): string {
  const st: State = { src: body, pos: 0, depth: 0, text: false, envs: [] };
  return render(trimPieces(parseSequence(st)))
    .replace(/([([{⟨]) /g, "$1")
    .replace(/ ([)\]}⟩])/g, "$1")
    .trim();
}

// --- Finding the math in a text ---------------------------------------------------------------

/** Code spans, escaped dollars, commands, dollars and URLs: everything the scan stops at. */
const SPECIAL = /`+|\\\$|\\[A-Za-z]+|\$\$?|https?:\/\/\S+/g;
/**
 * A command outside dollars with its arguments and scripts: short groups on one line, no nested
 * braces, so a stray "\alpha{" cannot make the scan look far ahead.
 */
const STRAY =
  /\\([A-Za-z]+)(?:\{[^{}\n$]{0,80}\}){0,2}(?:[_^](?:\{[^{}\n$]{0,80}\}|\\[A-Za-z]+|[A-Za-z0-9]))*/y;
/** Before or after a command, these mean a path or an identifier, not LaTeX. */
const PATH_BEFORE = /[\p{L}\p{N}\\/:.~%@_]/u;
const PATH_AFTER = /^(?:[\\/]|\.[\p{L}\p{N}])/u;
/** Where an unclosed formula ends: a blank line, a URL or a code span. */
const UNCLOSED_END = /\n[ \t]*\n|https?:\/\/|`/g;
const BLANK_LINE = /\n[ \t]*\n/y;

function isKnownCommand(name: string): boolean {
  return (
    isLetterlike(name) ||
    SYMBOLS.has(name) ||
    BIG_OPERATORS.has(name) ||
    TEXT_OPERATORS.has(name) ||
    FRACTIONS.has(name) ||
    TEXT_ARGUMENT.has(name) ||
    name === "sqrt" ||
    name === "mathrm" ||
    name === "operatorname"
  );
}

/** Where the run of backticks opened at `start` closes (after it), or -1. */
function codeSpanEnd(text: string, start: number, fence: string): number {
  let at = text.indexOf(fence, start + fence.length);
  while (at >= 0) {
    let end = at;
    while (text[end] === "`") end++;
    if (end - at === fence.length) return end;
    at = text.indexOf(fence, end);
  }
  return -1;
}

/** The closing delimiter of a formula opened before `from`, or -1; formulas end at blank lines. */
function findClose(text: string, from: number, display: boolean): number {
  for (let i = from; i < text.length; i++) {
    const char = text[i];
    if (char === "\\") i++;
    else if (char === "$" && (!display || text[i + 1] === "$")) return i;
    else if (char === "\n" && isBlankLineAt(text, i)) return -1;
  }
  return -1;
}

function isBlankLineAt(text: string, at: number): boolean {
  BLANK_LINE.lastIndex = at;
  return BLANK_LINE.test(text);
}

/** Pandoc's rule, plus: a LaTeX command inside makes it math even with loose dollars. */
function looksLikeMath(body: string, after: string | undefined): boolean {
  if (after !== undefined && /\d/.test(after)) return false;
  if (/\\[A-Za-z]/.test(body)) return true;
  return /^\S/.test(body) && /\S$/.test(body);
}

/** The text for the dollar(s) at `start`, and where the scan goes on. */
function convertDollar(text: string, start: number, display: boolean): [string, number] {
  const open = display ? 2 : 1;
  const from = start + open;
  const close = findClose(text, from, display);
  if (close >= 0) {
    const body = text.slice(from, close);
    const isMath = display ? /\S/.test(body) : looksLikeMath(body, text[close + 1]);
    return isMath ? [convertMath(body), close + open] : [text.slice(start, from), from];
  }
  // Unclosed, as a cut-off answer leaves it: still math if it starts like a formula.
  UNCLOSED_END.lastIndex = from;
  const stop = UNCLOSED_END.exec(text)?.index ?? text.length;
  const rest = text.slice(from, stop);
  if (/^[^\s\d]/.test(rest) && /\\[A-Za-z]/.test(rest)) return [convertMath(rest), stop];
  return [text.slice(start, from), from];
}

/** A `\command` outside dollars: converted only when it is clearly LaTeX. */
function convertStray(text: string, start: number): [string, number] {
  STRAY.lastIndex = start;
  const match = STRAY.exec(text);
  const name = match?.[1] ?? "";
  const end = start + (match?.[0].length ?? 1);
  const clear =
    match !== null &&
    isKnownCommand(name) &&
    !PATH_BEFORE.test(text[start - 1] ?? "") &&
    !PATH_AFTER.test(text.slice(end, end + 2));
  return clear ? [convertMath(match[0]), end] : [`\\${name}`, start + 1 + name.length];
}

function convertAt(text: string, start: number, token: string): [string, number] {
  if (token.startsWith("`")) {
    const end = codeSpanEnd(text, start, token);
    return end < 0 ? [token, start + token.length] : [text.slice(start, end), end];
  }
  if (token === "\\$") return ["$", start + 2];
  if (token.startsWith("\\")) return convertStray(text, start);
  if (token.startsWith("$")) return convertDollar(text, start, token === "$$");
  return [token, start + token.length]; // a URL
}

/** Shows the LaTeX math of a summary (`$...$`, `$$...$$`, stray `\pi`) as readable Unicode text. */
export function latexToUnicode(text: string): string {
  let out = "";
  let copied = 0;
  SPECIAL.lastIndex = 0;
  for (let m = SPECIAL.exec(text); m !== null; m = SPECIAL.exec(text)) {
    const [shown, end] = convertAt(text, m.index, m[0]);
    out += text.slice(copied, m.index) + shown;
    copied = end;
    SPECIAL.lastIndex = end;
  }
  return out + text.slice(copied);
}
