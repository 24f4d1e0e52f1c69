/**
 * Tables for {@link latexToUnicode}: what each LaTeX math command looks like as Unicode.
 * Maps rather than object literals, so a command named like an Object method ("\constructor")
 * is simply unknown.
 */

function table(entries: Record<string, string>): ReadonlyMap<string, string> {
  return new Map(Object.entries(entries));
}

/** Pairs the code points of two equally long strings. */
function zip(from: string, to: string): ReadonlyMap<string, string> {
  const targets = [...to];
  return new Map([...from].map((char, i) => [char, targets[i] ?? char]));
}

/**
 * Greek letters. `\epsilon` shows as ε like `\varepsilon`: the lunate ϵ LaTeX draws is easily
 * misread as ∈ in chat fonts.
 */
export const GREEK = table({
  alpha: "α",
  beta: "β",
  gamma: "γ",
  delta: "δ",
  epsilon: "ε",
  varepsilon: "ε",
  zeta: "ζ",
  eta: "η",
  theta: "θ",
  vartheta: "ϑ",
  iota: "ι",
  kappa: "κ",
  varkappa: "ϰ",
  lambda: "λ",
  mu: "μ",
  nu: "ν",
  xi: "ξ",
  omicron: "ο",
  pi: "π",
  varpi: "ϖ",
  rho: "ρ",
  varrho: "ϱ",
  sigma: "σ",
  varsigma: "ς",
  tau: "τ",
  upsilon: "υ",
  phi: "ϕ",
  varphi: "φ",
  chi: "χ",
  psi: "ψ",
  omega: "ω",
  digamma: "ϝ",
  Alpha: "Α",
  Beta: "Β",
  Gamma: "Γ",
  Delta: "Δ",
  Epsilon: "Ε",
  Zeta: "Ζ",
  Eta: "Η",
  Theta: "Θ",
  Iota: "Ι",
  Kappa: "Κ",
  Lambda: "Λ",
  Mu: "Μ",
  Nu: "Ν",
  Xi: "Ξ",
  Omicron: "Ο",
  Pi: "Π",
  Rho: "Ρ",
  Sigma: "Σ",
  Tau: "Τ",
  Upsilon: "Υ",
  Phi: "Φ",
  Chi: "Χ",
  Psi: "Ψ",
  Omega: "Ω",
});

/** Letter-like symbols: they join the letters around them the way Greek letters do. */
export const LETTERLIKE = table({
  partial: "∂",
  nabla: "∇",
  ell: "ℓ",
  hbar: "ℏ",
  imath: "ı",
  jmath: "ȷ",
  aleph: "ℵ",
  wp: "℘",
  Re: "ℜ",
  Im: "ℑ",
});

/** Big operators: their limits are scripts, and a space follows them before a letter. */
export const BIG_OPERATORS = table({
  sum: "∑",
  prod: "∏",
  coprod: "∐",
  int: "∫",
  iint: "∬",
  iiint: "∭",
  oint: "∮",
  bigcup: "⋃",
  bigcap: "⋂",
  bigvee: "⋁",
  bigwedge: "⋀",
  bigoplus: "⨁",
  bigotimes: "⨂",
  bigsqcup: "⨆",
});

/** Relations, binary operators, arrows, delimiters and other symbols. */
export const SYMBOLS = table({
  // Relations.
  in: "∈",
  notin: "∉",
  ni: "∋",
  leq: "≤",
  le: "≤",
  leqslant: "⩽",
  geq: "≥",
  ge: "≥",
  geqslant: "⩾",
  neq: "≠",
  ne: "≠",
  lt: "<",
  gt: ">",
  approx: "≈",
  sim: "∼",
  nsim: "≁",
  simeq: "≃",
  cong: "≅",
  equiv: "≡",
  propto: "∝",
  ll: "≪",
  gg: "≫",
  lesssim: "≲",
  gtrsim: "≳",
  asymp: "≍",
  doteq: "≐",
  triangleq: "≜",
  coloneqq: "≔",
  prec: "≺",
  succ: "≻",
  preceq: "⪯",
  succeq: "⪰",
  subset: "⊂",
  subseteq: "⊆",
  supset: "⊃",
  supseteq: "⊇",
  perp: "⊥",
  parallel: "∥",
  mid: "|",
  nmid: "∤",
  models: "⊨",
  vdash: "⊢",
  dashv: "⊣",
  // Binary operators.
  cdot: "·",
  cdotp: "·",
  times: "×",
  div: "÷",
  pm: "±",
  mp: "∓",
  ast: "∗",
  star: "⋆",
  circ: "∘",
  bullet: "•",
  oplus: "⊕",
  ominus: "⊖",
  otimes: "⊗",
  oslash: "⊘",
  odot: "⊙",
  cup: "∪",
  cap: "∩",
  sqcup: "⊔",
  uplus: "⊎",
  setminus: "∖",
  backslash: "∖",
  wedge: "∧",
  land: "∧",
  vee: "∨",
  lor: "∨",
  over: "/",
  // Arrows.
  to: "→",
  rightarrow: "→",
  longrightarrow: "⟶",
  leftarrow: "←",
  gets: "←",
  longleftarrow: "⟵",
  leftrightarrow: "↔",
  Rightarrow: "⇒",
  Longrightarrow: "⟹",
  implies: "⟹",
  Leftarrow: "⇐",
  Longleftarrow: "⟸",
  impliedby: "⟸",
  Leftrightarrow: "⇔",
  Longleftrightarrow: "⟺",
  iff: "⟺",
  mapsto: "↦",
  uparrow: "↑",
  downarrow: "↓",
  hookrightarrow: "↪",
  leadsto: "⇝",
  rightleftharpoons: "⇌",
  // Logic and sets.
  forall: "∀",
  exists: "∃",
  nexists: "∄",
  neg: "¬",
  lnot: "¬",
  top: "⊤",
  bot: "⊥",
  emptyset: "∅",
  varnothing: "∅",
  infty: "∞",
  // Delimiters.
  vert: "|",
  lvert: "|",
  rvert: "|",
  Vert: "‖",
  lVert: "‖",
  rVert: "‖",
  langle: "⟨",
  rangle: "⟩",
  lceil: "⌈",
  rceil: "⌉",
  lfloor: "⌊",
  rfloor: "⌋",
  lbrace: "{",
  rbrace: "}",
  lbrack: "[",
  rbrack: "]",
  // Dots and marks.
  ldots: "…",
  dots: "…",
  dotsc: "…",
  dotsb: "⋯",
  cdots: "⋯",
  vdots: "⋮",
  ddots: "⋱",
  prime: "′",
  dagger: "†",
  ddagger: "‡",
  angle: "∠",
  triangle: "△",
  square: "□",
  checkmark: "✓",
  degree: "°",
  colon: ":",
  sharp: "♯",
  flat: "♭",
});

/** Operators typeset as upright words ("\log x" shows "log x"). */
export const TEXT_OPERATORS: ReadonlySet<string> = new Set([
  "log",
  "ln",
  "lg",
  "exp",
  "max",
  "min",
  "sup",
  "inf",
  "lim",
  "liminf",
  "limsup",
  "arg",
  "argmax",
  "argmin",
  "det",
  "dim",
  "ker",
  "hom",
  "deg",
  "gcd",
  "lcm",
  "Pr",
  "sin",
  "cos",
  "tan",
  "sec",
  "csc",
  "cot",
  "arcsin",
  "arccos",
  "arctan",
  "sinh",
  "cosh",
  "tanh",
  "coth",
  "mod",
  "tr",
  "Tr",
  "diag",
  "sgn",
  "sign",
  "softmax",
  "Var",
  "Cov",
]);

/** Combining marks for accents; `\hat{x}` shows as x̂. */
export const ACCENTS = table({
  hat: "\u0302",
  widehat: "\u0302",
  check: "\u030C",
  tilde: "\u0303",
  widetilde: "\u0303",
  bar: "\u0304",
  overline: "\u0305",
  underline: "\u0332",
  vec: "\u20D7",
  overrightarrow: "\u20D7",
  dot: "\u0307",
  ddot: "\u0308",
  acute: "\u0301",
  grave: "\u0300",
  breve: "\u0306",
  mathring: "\u030A",
});

/** Letters of a styled math alphabet: where A, a and 0 start, and the letters Unicode put elsewhere. */
interface Alphabet {
  upper: number;
  lower?: number;
  digit?: number;
  holes: ReadonlyMap<string, string>;
}

const DOUBLE_STRUCK: Alphabet = {
  upper: 0x1d538,
  lower: 0x1d552,
  digit: 0x1d7d8,
  holes: zip("CHNPQRZ", "ℂℍℕℙℚℝℤ"),
};
const SCRIPT: Alphabet = {
  upper: 0x1d49c,
  lower: 0x1d4b6,
  holes: zip("BEFHILMRego", "ℬℰℱℋℐℒℳℛℯℊℴ"),
};
const FRAKTUR: Alphabet = { upper: 0x1d504, lower: 0x1d51e, holes: zip("CHIRZ", "ℭℌℑℜℨ") };
const BOLD: Alphabet = { upper: 0x1d400, lower: 0x1d41a, digit: 0x1d7ce, holes: new Map() };

/** Font commands whose letters have a Unicode alphabet (`\mathbb{R}` → ℝ, `\mathcal{L}` → ℒ). */
export const ALPHABETS: ReadonlyMap<string, Alphabet> = new Map([
  ["mathbb", DOUBLE_STRUCK],
  ["Bbb", DOUBLE_STRUCK],
  ["mathcal", SCRIPT],
  ["mathscr", SCRIPT],
  ["mathfrak", FRAKTUR],
  ["mathbf", BOLD],
  ["boldsymbol", BOLD],
  ["bm", BOLD],
]);

/** Writes the ASCII letters and digits of `text` in `alphabet`; other characters stay. */
export function toAlphabet(text: string, alphabet: Alphabet): string {
  return text.replace(/[A-Za-z0-9]/g, (char) => {
    const hole = alphabet.holes.get(char);
    if (hole) return hole;
    const code = char.charCodeAt(0);
    let start: number | undefined;
    let offset = 0;
    if (code >= 0x61) [start, offset] = [alphabet.lower, code - 0x61];
    else if (code >= 0x41) [start, offset] = [alphabet.upper, code - 0x41];
    else [start, offset] = [alphabet.digit, code - 0x30];
    return start === undefined ? char : String.fromCodePoint(start + offset);
  });
}

/**
 * Characters with a Unicode subscript. Unicode has subscripts for only some letters (no b, c, d,
 * f, g, q, w, y, z, and no capitals), which is why scripts fall back to `_(...)`.
 */
export const SUBSCRIPTS = zip(
  "0123456789+-−=()aehijklmnoprstuvxβγρφϕχ",
  "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓᵦᵧᵨᵩᵩᵪ",
);

/**
 * Characters with a Unicode superscript. ∗, ′, ″ and † already read as superscripts, so they count
 * as their own (π^* shows as π∗).
 */
export const SUPERSCRIPTS = zip(
  "0123456789+-−=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVW⊤βγδθιφϕχ∗′″†",
  "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂᵀᵝᵞᵟᶿᶥᵠᵠᵡ∗′″†",
);
