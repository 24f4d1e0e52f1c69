import { describe, expect, it } from "vitest";
import { askedTerms, askingPartStart } from "../../src/retrieval/askedPart.ts";
import { buildIndex } from "../../src/retrieval/buildIndex.ts";
import { passageTopics } from "../../src/retrieval/passageTopics.ts";
import { search } from "../../src/retrieval/search.ts";
import type { Paper, SearchResult } from "../../src/types.ts";
import {
  CAPTIONS_PAPER,
  fakePaper,
  fakePassage,
  fillerPapers,
  GLOVE_NOTES,
} from "../helpers/papers.ts";

const passage = fakePassage;

/** The first result for a question asked of `paper` beside a paper about something else. */
function topAnswer(paper: Paper, question: string): SearchResult | undefined {
  return search(buildIndex([paper, CAPTIONS_PAPER]), question).results[0];
}

describe("passageTopics", () => {
  it("reads headings, the head line of a bullet with sub-bullets, and a bullet's opening label", () => {
    const text = [
      "- Fix 2: delayed policy updates",
      "  - update the actor every d = 2 critic updates",
      "- Target smoothing: noise on the target action, clipped",
      "- plain bullet that says nothing about itself",
    ].join("\n");
    expect(passageTopics(passage(text, ["How"]))).toEqual([
      "How",
      "Fix 2: delayed policy updates",
      "Target smoothing",
    ]);
  });

  it("reads nothing from prose", () => {
    expect(passageTopics(passage("Delayed updates help. Smoothing: it helps too."))).toEqual([]);
  });
});

describe("the passage shown among those that match about as much", () => {
  const summary = [
    "## What",
    "",
    "- Twin critics, delayed policy updates and target smoothing fix overestimation in DDPG",
    "- Beats DDPG, PPO and TRPO on most MuJoCo tasks, with the same network sizes",
    "- Simple to add to any deterministic actor-critic, a few lines of code in all",
    "",
    "## How",
    "",
    "- Clipped double Q-learning:",
    "  - two critics, and the target takes the min of the two estimates",
    "- Delayed policy updates:",
    "  - the actor and the target nets change only every d = 2 critic steps",
    "  - so the value estimate settles first",
    "- Target smoothing:",
    "  - clipped Gaussian noise on the target action, sigma 0.2 and c 0.5",
    "  - sharp peaks of the critic are then not exploited by the actor",
  ].join("\n");
  const index = buildIndex([
    { ...fakePaper(1, "Twin delayed DDPG"), aliases: ["TD3"], summary },
    ...fillerPapers(),
  ]);

  it("is the one that files the details under the asked name, not the overview listing it", () => {
    const result = search(index, "TD3 delayed policy updates").results[0];
    expect(result?.passage.text).toContain("every d = 2 critic steps");
  });
});

describe("a question that is only an alias naming a part of the paper", () => {
  const summary = [
    "## What",
    "",
    "- One conv pass per image instead of one per proposal, as R-CNN did",
    "- Trains detection and box regression jointly, nine times faster than R-CNN",
    "",
    "## How",
    "",
    "- RoI pooling layer",
    "  - each proposal is split into a fixed 7x7 grid and each cell is max-pooled",
    "  - differentiable, so gradients reach the convolutional layers",
  ].join("\n");
  const index = buildIndex([
    { ...fakePaper(1, "Fast R-CNN"), aliases: ["Fast R-CNN", "RoI pooling"], summary },
    { ...fakePaper(2, "Image captioning"), aliases: [], summary: "- About captions" },
  ]);

  it("gets the passage that files that part, not the overview", () => {
    const result = search(index, "roi pooling").results[0];
    expect(result?.paper.id).toBe("p1");
    expect(result?.passage.text).toContain("fixed 7x7 grid");
  });

  it("gets the overview when the alias is the paper's own name", () => {
    const result = search(index, "fast rcnn").results[0];
    expect(result?.passage.headings).toEqual(["What"]);
  });

  it("gets the overview for the first alias, the paper's short name, wherever it is filed", () => {
    const capsules = [
      "TL;DR: vector capsules instead of scalar neurons, routed by agreement.",
      "",
      "## How",
      "",
      "- CapsNet architecture (MNIST)",
      "  - 256 9x9 filters, then primary capsules, then digit capsules",
    ].join("\n");
    const named = buildIndex([
      {
        ...fakePaper(1, "Dynamic Routing Between Capsules"),
        aliases: ["CapsNet"],
        summary: capsules,
      },
      { ...fakePaper(2, "Image captioning"), aliases: [], summary: "- About captions" },
    ]);
    const result = search(named, "what is capsnet").results[0];
    expect(result?.passage.text).toMatch(/^TL;DR/);
  });
});

describe("a question that describes its paper before asking", () => {
  const summary = GLOVE_NOTES;
  const index = buildIndex([
    { ...fakePaper(1, "Global vectors"), aliases: ["GloVe"], summary },
    { ...fakePaper(2, "Image captioning"), aliases: [], summary: "- About captions" },
  ]);

  it("is answered where the summary takes up what it asks, not where it says what the paper is", () => {
    const result = search(
      index,
      "is the weighted least squares on log counts actually better than word2vec once tuned fairly",
    ).results[0];
    expect(result?.paper.id).toBe("p1");
    expect(result?.passage.text).toContain("comparison is debatable");
  });

  it("is answered by the words after the description when a dash or comma sets them apart", () => {
    for (const question of [
      "those word vectors fit by weighted least squares to global co-occurrence counts instead of skip-gram windows - how do frequent pairs not dominate?",
      "in the paper fitting word vectors to global co-occurrence counts instead of skip-gram windows, how do frequent pairs not dominate?",
    ]) {
      const result = search(index, question).results[0];
      expect(result?.paper.id).toBe("p1");
      expect(result?.passage.text).toContain("caps frequent pairs");
    }
  });
});

describe("askedTerms", () => {
  it("reads what follows the description: a dash, colon, comma, full stop or question mark, then a question word", () => {
    expect(askedTerms("that net eating raw point sets - how does it handle order?")).toEqual(
      new Set(["handl", "order"]),
    );
    expect(
      askedTerms("in the skip-gram over random walks one, how is the softmax avoided"),
    ).toEqual(new Set(["softmax", "avoid"]));
    expect(askedTerms("gru sentence encoder from books? why bad at sentiment")).toEqual(
      new Set(["bad", "sentiment"]),
    );
    // Chat trails off with an ellipsis as often as it uses a dash.
    expect(
      askedTerms("the optimizer that nudges weights uphill first... how much compute"),
    ).toEqual(new Set(["much", "comput"]));
    expect(askedTerms("the optimizer that nudges weights uphill first…why")).toEqual(new Set());
    // Or a sentence of its own after one that describes.
    expect(
      askedTerms(
        "A dual encoder trained on a billion raw alt-text pairs. What filtering did they do?",
      ),
    ).toEqual(new Set(["filter"]));
  });

  it("reads the rest of a question that describes its paper in a noun phrase", () => {
    expect(
      askedTerms("how does the deepmind sequence-to-fold model do on shallow alignments?"),
    ).toEqual(new Set(["shallow", "align"]));
    expect(askedTerms("why did the part-whole vector neuron model do poorly on cifar")).toEqual(
      new Set(["poor", "cifar"]),
    );
  });

  it("reads no clause, no prepositional phrase and no 'one' as such a description", () => {
    // What is asked about stands inside these: the objective, the proof, the second-order one.
    for (const question of [
      "how do they make the PGD objective tractable when the classifier is a noisy vote?",
      "is the convergence proof in the adam paper correct?",
      "does first-order MAML work as well as the full second-order one",
    ]) {
      expect(askedTerms(question), question).toBeUndefined();
    }
  });

  it("is undefined for a question of any other shape", () => {
    expect(askedTerms("how do frequent pairs not dominate the fit?")).toBeUndefined();
    expect(askedTerms("GloVe: how?")).toBeUndefined();
    expect(askedTerms("weighted least squares, log counts and word vectors")).toBeUndefined();
  });
});

describe("askingPartStart", () => {
  it("is where the asking clause starts after a description of a paper", () => {
    const question = "the trick that averages late sgd checkpoints - what about batchnorm after?";
    expect(question.slice(askingPartStart(question))).toBe("what about batchnorm after?");
  });

  it("is undefined without a description that can pick out a paper", () => {
    expect(askingPartStart("quick question - how does BERT mask tokens?")).toBeUndefined();
    expect(askingPartStart("how does BERT mask tokens?")).toBeUndefined();
  });
});

describe("the opening passage among passages that match about as much", () => {
  const summary = [
    "## What",
    "",
    "- Relaxed categorical samples:",
    "  - a softmax over Gumbel-perturbed logits, sharpened by a temperature",
    "  - gradients flow through the sample, so discrete latents train by backprop",
    "",
    "## Notes",
    "",
    "- Variance:",
    "  - as the temperature is lowered the samples approach one-hot and the gradient variance blows up",
    "  - annealed from 1 down to 0.5 over training",
  ].join("\n");
  const fillers = ["image captioning", "speech recognition", "graph attention", "protein folding"];
  const index = buildIndex([
    { ...fakePaper(1, "Gumbel-Softmax"), aliases: [], summary },
    ...fillers.map((t, i) => ({
      ...fakePaper(10 + i, t),
      aliases: [],
      summary: `- A paper about ${t}, nothing else`,
    })),
  ]);

  it("gives way to the section that files the asked detail", () => {
    const result = search(
      index,
      "what happens to the gradient variance of relaxed categorical samples at a lower temperature",
    ).results[0];
    expect(result?.passage.text).toContain("gradient variance blows up");
  });
});

describe("a question after a paper's weaknesses", () => {
  const summary = [
    "- What",
    "  - Multiresolution hash tables of trainable features feed a tiny MLP",
    "- How",
    "  - 16 levels, each a hash table of up to 2^19 entries, interpolated trilinearly",
    "- Limitations",
    "  - Hash collisions leave grainy artifacts in SDFs",
    "  - No anti-aliasing: features alias when rays cover big footprints",
  ].join("\n");
  const index = buildIndex([
    { ...fakePaper(1, "Instant Neural Graphics Primitives"), aliases: ["Instant-NGP"], summary },
    { ...fakePaper(2, "Image captioning"), aliases: [], summary: "- About captions" },
  ]);

  it("is answered from the Limitations section, which need not write the asking word", () => {
    for (const question of ["instant-ngp downsides?", "any drawbacks to instant ngp?"]) {
      const result = search(index, question).results[0];
      expect(result?.paper.id, question).toBe("p1");
      expect(result?.passage.text, question).toContain("Hash collisions");
    }
  });

  it("leaves a question after another part alone", () => {
    const result = search(index, "instant-ngp how many levels in the hash tables?").results[0];
    expect(result?.passage.text).toContain("16 levels");
  });
});

describe("a question that names its paper by authors and year", () => {
  const stylegan2 = {
    ...fakePaper(1, "Analyzing and Improving the Image Quality of StyleGAN"),
    aliases: ["StyleGAN2"],
    authors: ["Tero Karras", "Samuli Laine", "Timo Aila"],
    year: 2020,
    summary: [
      "## What",
      "- Follow-up to StyleGAN (Karras et al. 2019, this group's 2020 revision): fixes its blob",
      "  artifacts and improves FID and perceptual path length",
      "## How",
      "- Weight demodulation replaces AdaIN, so the generator cannot sneak signal strength past it",
      "- Path length regularization",
      "  - a fixed-size step in W should give a fixed-size change in the image",
      "  - smoother mapping, easier to invert",
    ].join("\n"),
  };

  it("is answered where the summary takes up what it asks, not where it says the names", () => {
    const result = topAnswer(
      stylegan2,
      "Karras et al. 2020 path length regularizer, what's it supposed to do?",
    );
    expect(result?.paper.id).toBe("p1");
    expect(result?.passage.text).toContain("fixed-size step in W");
  });
});

describe("a passage of the summarizer's reflections", () => {
  const agent57 = {
    ...fakePaper(1, "Agent57: Outperforming the Atari Human Benchmark"),
    aliases: ["Agent57"],
    summary: [
      "## What",
      "- First agent above the human baseline on all 57 Atari games",
      "## How",
      "- Meta-controller: a sliding-window UCB bandit per actor picks the exploration setting",
      "  - its reward is the episodic extrinsic return",
      "## Takeaways",
      "- The meta-controller idea (a bandit over exploration and discount settings) is the reusable bit",
    ].join("\n"),
  };

  it("gives way to the section that takes up what it restates", () => {
    const result = topAnswer(
      agent57,
      "how does the meta-controller bandit decide which exploration and discount settings to use?",
    );
    expect(result?.paper.id).toBe("p1");
    expect(result?.passage.text).toContain("sliding-window UCB bandit");
  });
});

describe("a question that describes its paper in the words of its opening", () => {
  const mqa = {
    ...fakePaper(1, "Fast Transformer Decoding: One Write-Head is All You Need"),
    aliases: ["MQA"],
    summary: [
      "## What",
      "- Single-author Google note: all attention heads share one key and one value projection",
      "- One write-head, many read-heads: multi-query attention for Transformer decoders",
      "- Motivation: incremental decoding is slow, bound by loading the key/value cache",
      "## How",
      "- Keys and values are computed once per position and reused by every query head",
      "## Results",
      "- Incremental decoding ~12x faster per token: ~46 µs -> ~3.8 µs",
      "- Quality: BLEU within ~0.3 of multi-head attention",
    ].join("\n"),
  };

  it("is answered where the summary takes up what it asks, not by the opening", () => {
    const result = topAnswer(
      mqa,
      "that single-author google note where all attention heads share one key and one value projection, a single write-head for transformer decoders - how much faster did incremental decoding get?",
    );
    expect(result?.paper.id).toBe("p1");
    expect(result?.passage.text).toContain("12x faster");
  });
});

describe("a section setting other works beside the paper", () => {
  const summary = [
    "## What",
    "",
    "- Few-shot prompts are biased toward some labels; fix the output with a content-free input",
    "",
    "## Results",
    "",
    "- Calibration gains are biggest at low shots and for smaller models",
    "",
    "## Follow-ups / context",
    "",
    "- Ordered prompts (Lu et al. 2021): pick the order by entropy probing",
    "- Noisy channel prompting: score the input given the label instead",
  ].join("\n");
  const index = buildIndex([
    { ...fakePaper(1, "Calibrate before use"), aliases: [], summary },
    ...fillerPapers(),
  ]);
  const shown = (question: string) => search(index, question).results[0]?.passage.text;

  it("does not answer a question that only names a work it sets beside the paper", () => {
    // The follow-up line matches a little more of it; counted in full, it was shown.
    const asked =
      "entropy probing picks the order, but where were calibration gains biggest at low shots?";
    expect(shown(asked)).toContain("smaller models");
  });

  it("answers a question that compares the paper with that work", () => {
    expect(shown("how does ordered prompts' entropy probing compare?")).toContain(
      "entropy probing",
    );
  });

  it("reads a 'Later / lineage' section as one of other works", () => {
    const lineage = buildIndex([
      {
        ...fakePaper(1, "Calibrate before use"),
        aliases: [],
        summary: summary.replace("## Follow-ups / context", "## Later / lineage"),
      },
      ...fillerPapers(),
    ]);
    const asked =
      "entropy probing picks the order, but where were calibration gains biggest at low shots?";
    expect(search(lineage, asked).results[0]?.passage.text).toContain("smaller models");
  });
});
