import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { latexToUnicode } from "../../src/display/latex.ts";
import { trickyText, withinBudget } from "../helpers/generatedText.ts";

const CORPUS_DIR = fileURLToPath(new URL("../../corpus", import.meta.url));
const corpusFiles = readdirSync(CORPUS_DIR).filter((name) => name.endsWith(".md"));

/** Converts one formula given without its dollars. */
const math = (latex: string): string => latexToUnicode(`$${latex}$`);

describe("latexToUnicode", () => {
  describe("symbols", () => {
    it("writes Greek letters in both cases, ε for both epsilons", () => {
      expect(math(String.raw`\alpha, \beta, \Gamma, \Omega, \epsilon, \varepsilon, \varphi`)).toBe(
        "α, β, Γ, Ω, ε, ε, φ",
      );
    });

    it("writes relations, operators and arrows", () => {
      expect(math(String.raw`a \leq b \geq c \neq d \approx e \sim f \propto g`)).toBe(
        "a ≤ b ≥ c ≠ d ≈ e ∼ f ∝ g",
      );
      expect(math(String.raw`x \in S, y \notin S, a \cdot b \times c, \|x\|, a \mid b`)).toBe(
        "x ∈ S, y ∉ S, a · b × c, ‖x‖, a | b",
      );
      expect(math(String.raw`\to \rightarrow \leftarrow \Rightarrow \forall \exists \infty`)).toBe(
        "→ → ← ⇒ ∀ ∃ ∞",
      );
      expect(math(String.raw`\ldots, \dots, \cdots, \partial, \nabla`)).toBe("…, …, ⋯, ∂, ∇");
    });

    it("writes big operators with their limits as scripts", () => {
      expect(latexToUnicode(String.raw`$$\sum_{i=1}^{N} x_i$$`)).toBe("∑ᵢ₌₁ᴺ xᵢ");
      expect(math(String.raw`\prod_i p_i \int f`)).toBe("∏ᵢ pᵢ ∫ f");
    });

    it("keeps text operators as upright words, spaced from letters around them", () => {
      expect(math(String.raw`\log x + \exp(x) + 2\log n`)).toBe("log x + exp(x) + 2 log n");
      expect(math(String.raw`\arg\max_x f(x) = \argmax_{\theta} L`)).toBe(
        "arg maxₓ f(x) = argmax_θ L",
      );
      expect(math(String.raw`\max_{\pi}\mathbb{E}_{\pi}[Q]`)).toBe("max_π 𝔼_π[Q]");
    });

    it("writes blackboard, calligraphic and bold letters in their Unicode alphabets", () => {
      expect(math(String.raw`\mathbb{E}[X] \in \mathbb{R}^n, \mathbb{N}, \mathbb{1}`)).toBe(
        "𝔼[X] ∈ ℝⁿ, ℕ, 𝟙",
      );
      expect(math(String.raw`\mathcal{L}, \mathcal{T}, \mathbf{x}, \mathfrak{g}`)).toBe(
        "ℒ, 𝒯, 𝐱, 𝔤",
      );
    });

    it("shows text and upright names as plain text", () => {
      expect(math(String.raw`\mathrm{KL}(p\|q), \text{if } x, \textrm{a b}`)).toBe(
        "KL(p‖q), if x, a b",
      );
      expect(math(String.raw`\operatorname{softmax}(z), \operatorname*{arg\,max}_x`)).toBe(
        "softmax(z), argmaxₓ",
      );
    });

    it("puts accents on as combining marks", () => {
      // Spelled as escapes: an editor may compose "x" and U+0304 into one character.
      expect(math(String.raw`\hat{x}, \bar{y}, \tilde{z}, \vec{v}, \dot{x}, \hat\theta_t`)).toBe(
        "x\u0302, y\u0304, z\u0303, v\u20d7, x\u0307, θ\u0302ₜ",
      );
    });

    it("shows an unknown command by its name, never with a backslash", () => {
      expect(math(String.raw`\KL(p, q) + \foo{x}`)).toBe("KL(p, q) + foo x");
    });
  });

  describe("scripts", () => {
    it("uses Unicode sub- and superscripts when every character has one", () => {
      expect(math("x_t + x^2 + x_{t+1}^{-1} + x^{(i)} + W^T")).toBe("xₜ + x² + xₜ₊₁⁻¹ + x⁽ⁱ⁾ + Wᵀ");
      expect(math(String.raw`\gamma^{k-1}`)).toBe("γᵏ⁻¹");
    });

    it("writes a one-character script without a Unicode form as _θ", () => {
      expect(math(String.raw`\pi_\theta(a|s) + \pi_{b}`)).toBe("π_θ(a|s) + π_b");
    });

    it("parenthesizes a longer script, or a short one that a letter follows", () => {
      expect(math(String.raw`\mathbb{E}_{s \sim B}[x]`)).toBe("𝔼_(s ∼ B)[x]");
      expect(math(String.raw`T^{\Pi}Q(s,a) + P^{\pi_i}`)).toBe("T^(Π)Q(s,a) + P^(πᵢ)");
    });

    it("treats stars and primes as superscripts already", () => {
      expect(math(String.raw`\pi^* + Q^{*}(s', a) + f'(x)`)).toBe("π∗ + Q∗(s′, a) + f′(x)");
    });

    it("parenthesizes a group that a script applies to", () => {
      expect(math("{a+b}^2")).toBe("(a+b)²");
    });
  });

  describe("structure", () => {
    it("writes a fraction with a slash, parenthesizing sides of more than one term", () => {
      expect(math(String.raw`\frac{a}{b}`)).toBe("a/b");
      expect(math(String.raw`\frac{a+b}{c-d}`)).toBe("(a+b)/(c−d)");
      expect(math(String.raw`\frac{\partial L}{\partial \theta}`)).toBe("∂L/∂θ");
      expect(math(String.raw`\frac{1}{2\sigma^2}`)).toBe("1/(2σ²)");
    });

    it("parenthesizes a fraction that a letter or bracket follows", () => {
      expect(math(String.raw`\frac{1}{2}x + \frac12(a)`)).toBe("(1/2)x + (1/2)(a)");
    });

    it("writes roots with a radical sign", () => {
      expect(math(String.raw`\sqrt{x}, \sqrt{x+y}, \sqrt[3]{x}, \sqrt[n]{x}`)).toBe(
        "√x, √(x+y), ∛x, ⁿ√x",
      );
    });

    it("drops sizing, spacing and grouping commands", () => {
      expect(math(String.raw`\left( a \,b \right) + \big[ c \big] + a\quad b + a\!b`)).toBe(
        "(a b) + [c] + a b + ab",
      );
      expect(math(String.raw`{x} + \{y\} + \left. z \right|`)).toBe("x + {y} + z |");
    });

    it("writes matrices and cases as rows separated by semicolons", () => {
      expect(math(String.raw`\begin{pmatrix} a & b \\ c & d \end{pmatrix}`)).toBe("(a, b; c, d)");
      expect(
        math(String.raw`f(x) = \begin{cases} 1 & x > 0 \\ 0 & \text{otherwise} \end{cases}`),
      ).toBe("f(x) = {1, x > 0; 0, otherwise");
    });

    it("joins a multi-line display formula into one line", () => {
      const display = "$$\n  \\mathcal{L}(\\theta) = -\\sum_{i=1}^{N} \\log p_\\theta(x_i)\n$$";
      expect(latexToUnicode(display)).toBe("ℒ(θ) = −∑ᵢ₌₁ᴺ log p_θ(xᵢ)");
    });

    it("negates a symbol after \\not", () => {
      expect(math(String.raw`a \not\in B, a \not= b`)).toBe("a ∉ B, a ≠ b");
    });
  });

  describe("text around the math", () => {
    it("drops the dollars and leaves the prose as it is", () => {
      expect(latexToUnicode(String.raw`the policy $\pi_b$ and the $x$-axis.`)).toBe(
        "the policy π_b and the x-axis.",
      );
    });

    it("leaves prices alone", () => {
      expect(latexToUnicode("it costs $5 and $10 a month")).toBe("it costs $5 and $10 a month");
      expect(latexToUnicode("between $5-$10, or $20")).toBe("between $5-$10, or $20");
      expect(latexToUnicode("from $5 to $10, where $x$ is")).toBe("from $5 to $10, where x is");
    });

    it("turns an escaped dollar into a dollar", () => {
      expect(latexToUnicode(String.raw`pay \$5, not $\alpha$`)).toBe("pay $5, not α");
    });

    it("leaves code spans and URLs untouched", () => {
      const text = "`$x$` and ```\\alpha``` at https://example.org/$a$/x_1?q=\\pi";
      expect(latexToUnicode(text)).toBe(text);
    });

    it("leaves Markdown alone", () => {
      const text = "**Algorithm**: _the_ [link](https://x.org/a_b) - item\n\n> quote #1";
      expect(latexToUnicode(text)).toBe(text);
    });

    it("converts a known command outside dollars", () => {
      expect(latexToUnicode(String.raw`the policy \pi_\theta and \mathbb{E}[R]`)).toBe(
        "the policy π_θ and 𝔼[R]",
      );
    });

    it("leaves paths, escapes and unknown commands outside dollars alone", () => {
      const text = String.raw`C:\pi\data, \\server\alpha, dir\theta, \beta.txt, a\n, \unknown`;
      expect(latexToUnicode(text)).toBe(text);
    });
  });

  describe("malformed input", () => {
    it("keeps a lone dollar or backslash", () => {
      expect(latexToUnicode("$")).toBe("$");
      expect(latexToUnicode("$$")).toBe("$$");
      expect(latexToUnicode("\\")).toBe("\\");
      expect(latexToUnicode("$a\\")).toBe("$a\\");
    });

    it("still converts a formula cut off before its closing dollar", () => {
      expect(latexToUnicode(String.raw`so $\lim_{k \rightarrow \infty`)).toBe("so lim_(k → ∞)");
      expect(latexToUnicode("$\\alpha is cut\n\nnext $5")).toBe("α is cut\n\nnext $5");
    });

    it("survives unbalanced braces", () => {
      expect(math(String.raw`\frac{a}{b`)).toBe("a/b");
      expect(math("a}b{c")).toBe("abc");
      expect(math("x^")).toBe("x");
    });

    it("survives deep nesting", () => {
      const deep = `${"{".repeat(5000)}x${"}".repeat(5000)}`;
      expect(math(deep)).toBe("x");
      expect(math(`${String.raw`\frac`.repeat(5000)}x`)).not.toMatch(/\\[A-Za-z]/);
    });

    it("never throws on arbitrary input", () => {
      const alphabet = [
        "$",
        "$$",
        "\\",
        "{",
        "}",
        "_",
        "^",
        "\\frac",
        "\\sqrt[",
        "`",
        " ",
        "a",
        "\n",
      ];
      let seed = 7;
      for (let run = 0; run < 500; run++) {
        let text = "";
        for (let i = 0; i < 40; i++) {
          seed = (seed * 1103515245 + 12345) % 2 ** 31;
          text += alphabet[seed % alphabet.length];
        }
        expect(() => latexToUnicode(text)).not.toThrow();
      }
    });

    it("stays fast on long input", () => {
      const text = String.raw`$\frac{a}{b}$ costs $5 \alpha{ \unknown `.repeat(20000);
      const start = performance.now();
      latexToUnicode(text);
      expect(performance.now() - start).toBeLessThan(2000);
    });
  });

  describe("the corpus", () => {
    it.each(corpusFiles)("leaves no LaTeX command or math dollar in %s", (name) => {
      const shown = latexToUnicode(readFileSync(join(CORPUS_DIR, name), "utf8"));
      expect(shown).not.toMatch(/\\[A-Za-z]/);
      // A dollar left over is a price ("$5"), never a formula's delimiter.
      expect(shown).not.toMatch(/\$(?!\d)/);
    });

    const withoutMath = corpusFiles.filter(
      (name) => !/[$\\]/.test(readFileSync(join(CORPUS_DIR, name), "utf8")),
    );
    it.each(withoutMath)("leaves %s, which has no math, exactly as it is", (name) => {
      const text = readFileSync(join(CORPUS_DIR, name), "utf8");
      expect(latexToUnicode(text)).toBe(text);
    });

    it("reads BEAR's formulas", () => {
      const bear = latexToUnicode(readFileSync(join(CORPUS_DIR, "bear.md"), "utf8"));
      expect(bear).toContain("V(s) = max_(π ∈ Π) 𝔼_π[Q(s,a)]");
      expect(bear).toContain("C(Π) = (1−γ)² ∑ₖ₌₁^∞ k γᵏ⁻¹c(k).");
      expect(bear).toContain("ρ₀ P^(π₁) … P^(πₖ) ≤ c(k)μ(s)");
      expect(bear).toContain("γ/(1−γ²) [C(Π) 𝔼_μ[max_(π ∈ Π) 𝔼_π[δ(s,a)] + ((1−γ)/γ)α(Π)]]");
      expect(bear).toContain("Π_ε = {π | π(a | s)=0 whenever β(a | s) < ε}");
    });
  });
});

/** LaTeX-heavy text: commands, groups, scripts and dollars in any order, some unclosed. */
const latexish = fc
  .array(
    fc.constantFrom(
      "$",
      "$$",
      "\\$",
      "\\frac{",
      "\\frac{a}{b}",
      "\\sqrt{",
      "\\mathbb{R}",
      "\\mathcal",
      "\\alpha",
      "\\hat{x}",
      "\\left(",
      "\\right)",
      "\\text{",
      "\\begin{align}",
      "\\end{align}",
      "{",
      "}",
      "_",
      "^",
      "_{i=1}",
      "^{N}",
      "x",
      "1",
      " ",
      "\n",
      "`",
      "``",
      "\\",
      "\\\\",
      "https://example.com/$x$",
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(""));

describe("latexToUnicode (generated text)", () => {
  it("never throws and takes bounded time, on long and unbalanced input too", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          latexish,
          trickyText(60),
          latexish.map((t) => t.repeat(200)),
        ),
        (text) => {
          const shown = withinBudget(() => latexToUnicode(text));
          expect(typeof shown).toBe("string");
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("leaves text without backslashes, dollars or backticks as it is", () => {
    fc.assert(
      fc.property(trickyText(60), (raw) => {
        const text = raw.replace(/[\\$`]/g, "");
        expect(latexToUnicode(text)).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });
});
