import { describe, expect, it } from "vitest";
import { baseForm, type ClauseContext, invert } from "../../../src/digest/questions/inversion.ts";
import { mainClause, plainSentence } from "../../../src/digest/questions/plainText.ts";

const context: ClauseContext = {
  names: ["BEAR", "bootstrapping error accumulation reduction"],
  surnames: ["Kumar", "Levine"],
  common: (word) => ["the", "self-attention", "scene"].includes(word.toLowerCase()),
};

/** The clause in question order, as a question would start. */
function order(clause: string, plural = false): string | undefined {
  const parts = invert(clause, context, plural);
  return parts && `${parts.aux} ${parts.subject} ${parts.rest}`;
}

describe("invert", () => {
  it("moves an auxiliary in front of its subject", () => {
    expect(order("the value of a KL divergence can shoot up")).toBe(
      "can the value of a KL divergence shoot up",
    );
    expect(order("the choice of MMD is crucial")).toBe("is the choice of MMD crucial");
    expect(order("the model can not predict the action")).toBe(
      "can't the model predict the action",
    );
    expect(order("there is a gradient reversal layer")).toBe("is there a gradient reversal layer");
    expect(order("the encoder was trained on ImageNet")).toBe(
      "was the encoder trained on ImageNet",
    );
    expect(order("the bound has been shown to be loose")).toBe(
      "has the bound been shown to be loose",
    );
  });

  it("lets 'does' take the tense of a name's or a short noun phrase's verb", () => {
    expect(order("BEAR constrains the policy")).toBe("does BEAR constrain the policy");
    expect(order("the encoder creates a grid")).toBe("does the encoder create a grid");
    expect(order("this function has to be smooth")).toBe("does the function have to be smooth");
    expect(order("Self-attention has the nice benefit")).toBe(
      "does self-attention have the nice benefit",
    );
    expect(order("Adam works well in practice and compares favorably")).toBeUndefined();
  });

  it("calls the paper's own authors 'the authors', and nobody else's", () => {
    expect(order("Kumar et al. propose an attack")).toBe("do the authors propose an attack");
    expect(order("Cohen et al. propose an attack")).toBeUndefined();
  });

  it("refuses subjects that lean on context or are no noun phrase", () => {
    expect(order("this allows one representation to focus")).toBeUndefined();
    expect(order("they could get a pretty incredible accuracy")).toBeUndefined();
    expect(order("the answer seems to be yes")).toBeUndefined();
    // "techniques" before "discussed" is a noun, not a verb with "the regularization" its subject.
    expect(order("the regularization techniques discussed are ways of reducing capacity")).toBe(
      "are the regularization techniques discussed ways of reducing capacity",
    );
  });

  it("takes a plural subject's base verb only when asked to", () => {
    expect(order("lottery tickets transfer between datasets")).toBeUndefined();
    expect(order("lottery tickets transfer between datasets", true)).toBe(
      "do lottery tickets transfer between datasets",
    );
  });
});

describe("baseForm", () => {
  it("undoes the third person", () => {
    expect(
      ["constrains", "applies", "uses", "focuses", "matches", "has", "does"].map(baseForm),
    ).toEqual(["constrain", "apply", "use", "focus", "match", "have", "do"]);
  });
});

describe("plainSentence", () => {
  it("drops Markdown, links, citation marks and asides but keeps notation and the paper's name", () => {
    expect(
      plainSentence(
        "**Idea:** we propose *sparse* attention (SparseMax) [1] from p(z|x) (see [the blog](https://example.com)).",
        ["SparseMax"],
      ),
    ).toBe("Idea: we propose sparse attention (SparseMax) from p(z|x)");
  });

  it("shows short math as Unicode and refuses sentences made of formulas", () => {
    expect(plainSentence("The batch policy $\\pi_b$ collects data.", [])).toBe(
      "The batch policy π_b collects data",
    );
    expect(
      plainSentence("We bound $\\lim_{k \\rightarrow \\infty} \\mathbb{E}[V^{\\pi_k}]$.", []),
    ).toBe(undefined);
  });

  it("keeps the shorter of two names of the paper", () => {
    expect(
      plainSentence(
        "They propose bootstrapping error accumulation reduction (BEAR), which works.",
        ["BEAR", "bootstrapping error accumulation reduction"],
      ),
    ).toBe("They propose BEAR, which works");
  });
});

describe("mainClause", () => {
  it("cuts a clause where an aside or a second clause begins, but not inside a list", () => {
    expect(mainClause("the choice of MMD is crucial as it is sometimes better")).toBe(
      "the choice of MMD is crucial",
    );
    expect(mainClause("noise is sampled and the classifier takes a vote")).toBe("noise is sampled");
    expect(mainClause("A, B, and C are the strongest value-adds")).toBe(
      "A, B, and C are the strongest value-adds",
    );
  });
});
