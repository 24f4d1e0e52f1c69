import { describe, expect, it } from "vitest";
import { buildIndex } from "../../src/retrieval/buildIndex.ts";
import { search } from "../../src/retrieval/search.ts";
import {
  comparesOtherWorks,
  opensWithOtherWork,
  opensWithUnknownLabel,
} from "../../src/retrieval/topicLabel.ts";
import { fakePaper, fillerPapers } from "../helpers/papers.ts";

const sinkhorn = {
  ...fakePaper(1, "Sinkhorn Distances"),
  aliases: ["Sinkhorn"],
  summary: [
    "- Entropic regularization makes optimal transport fast: matrix scaling instead of a linear program",
    "- Low-rank kernels speed it up further; the rank of the kernel trades accuracy for speed",
    "- Used for domain adaptation, where weight matrices map one distribution onto another",
  ].join("\n"),
};
const index = buildIndex([sinkhorn, ...fillerPapers()]);

describe("opensWithUnknownLabel", () => {
  it("is true for a label no summary has a word of", () => {
    expect(opensWithUnknownLabel(index, "lora: which weight matrices get adapters?")).toBe(true);
    expect(opensWithUnknownLabel(index, "qlora paper: what rank do they use?")).toBe(true);
    expect(opensWithUnknownLabel(index, "hypertune — what rank do they use?")).toBe(true);
  });

  it("is false for a label the corpus has, in any field", () => {
    expect(opensWithUnknownLabel(index, "sinkhorn: what rank do they use?")).toBe(false);
    expect(opensWithUnknownLabel(index, "low-rank kernels: what rank?")).toBe(false);
    expect(opensWithUnknownLabel(index, "Lovelace: what did they propose?")).toBe(false);
  });

  it("is false for a description or a lab, which say no name", () => {
    expect(opensWithUnknownLabel(index, "that deepmind paper - why so slow?")).toBe(false);
    expect(opensWithUnknownLabel(index, "openai: what rank?")).toBe(false);
  });

  it("is false for chat's openers and a label no index term is made of", () => {
    expect(opensWithUnknownLabel(index, "q: which weight matrices get adapters?")).toBe(false);
    expect(opensWithUnknownLabel(index, "eli5: which weight matrices get adapters?")).toBe(false);
  });

  it("is false for a question without a label", () => {
    expect(opensWithUnknownLabel(index, "which weight matrices does lora adapt?")).toBe(false);
    expect(opensWithUnknownLabel(index, "how does lora work: any idea?")).toBe(false);
  });
});

describe("search and a question labelled with a name the corpus lacks", () => {
  const question = "which weight matrices get the low-rank kernels, and what rank do they use?";

  it("answers the words when no label says otherwise", () => {
    expect(search(index, question).confident).toBe(true);
  });

  it("declines when the label names what the corpus lacks", () => {
    const response = search(index, `lora: ${question}`);
    expect(response.results[0]?.paper.id).toBe("p1");
    expect(response.confident).toBe(false);
  });

  it("still answers a thread's paper", () => {
    expect(search(index, `lora: ${question}`, { focus: "p1" }).confident).toBe(true);
  });
});

describe("opensWithOtherWork", () => {
  const augmix = {
    ...fakePaper(2, "AugMix: A Simple Data Processing Method to Improve Robustness"),
    id: "augmix",
    aliases: ["AugMix"],
    summary: [
      "- Prior augmentations (Cutout, Mixup, CutMix, AutoAugment) help clean accuracy only",
      "- Mixes several augmentation chains with Dirichlet weights, then a Jensen-Shannon loss",
    ].join("\n"),
  };
  const withAugmix = buildIndex([augmix, sinkhorn]);

  it("is true for a label naming a work the paper only cites", () => {
    expect(opensWithOtherWork(withAugmix, "cutmix paper: what alpha do they use?", augmix)).toBe(
      true,
    );
    expect(opensWithOtherWork(withAugmix, "CutMix - what alpha?", augmix)).toBe(true);
  });

  it("is false for the paper's own name or id", () => {
    expect(opensWithOtherWork(withAugmix, "augmix: how many chains?", augmix)).toBe(false);
  });

  it("reads a label of several words by its first, which names the work", () => {
    expect(opensWithOtherWork(withAugmix, "cutmix resnet-50: what alpha?", augmix)).toBe(true);
    expect(opensWithOtherWork(withAugmix, "CutMix b/16 - what alpha?", augmix)).toBe(true);
    expect(opensWithOtherWork(withAugmix, "augmix cutmix: what alpha?", augmix)).toBe(false);
    expect(opensWithOtherWork(withAugmix, "robustness cutmix: what alpha?", augmix)).toBe(false);
  });

  it("is false for an English word, a figure or a lab", () => {
    expect(opensWithOtherWork(withAugmix, "robustness: how many chains?", augmix)).toBe(false);
    expect(opensWithOtherWork(withAugmix, "2019: how many chains?", augmix)).toBe(false);
    expect(opensWithOtherWork(withAugmix, "deepmind: how many chains?", augmix)).toBe(false);
  });

  it("is false for a name the summary writes more often than a citation would", () => {
    const about = { ...augmix, summary: Array(4).fill("- CutMix pastes patches").join("\n") };
    const index = buildIndex([about, sinkhorn]);
    expect(opensWithOtherWork(index, "cutmix: what alpha?", about)).toBe(false);
  });

  it("makes search decline the paper that only cites the labelled work", () => {
    const response = search(withAugmix, "cutmix paper: which augmentations help clean accuracy?");
    expect(response.results[0]?.paper.id).toBe("augmix");
    expect(response.confident).toBe(false);
    const own = search(withAugmix, "augmix paper: which augmentations help clean accuracy?");
    expect(own.confident).toBe(true);
  });
});

describe("comparesOtherWorks", () => {
  const bart = {
    ...fakePaper(3, "BART: Denoising Sequence-to-Sequence Pre-training"),
    id: "bart",
    aliases: ["BART"],
    summary: [
      "- Corrupt text (span infilling, sentence shuffling), then reconstruct it with a seq2seq model",
      "- Compared with T5-style span corruption, text infilling is the strongest single noise",
    ].join("\n"),
  };
  const withBart = buildIndex([bart, sinkhorn, ...fillerPapers()]);

  it("is true for a question opening with two works, neither of them the paper", () => {
    expect(comparesOtherWorks(withBart, "gtr-xxl vs colbert on beir, who wins?", bart)).toBe(true);
    expect(comparesOtherWorks(withBart, "ATSS versus FCOS: what closed the gap?", bart)).toBe(true);
    // A person's or a place's name alone is a work's, however English lists it.
    expect(comparesOtherWorks(withBart, "adam vs adamw, how is decay applied?", bart)).toBe(true);
    expect(comparesOtherWorks(withBart, "atlas vs t5 on nq, who wins?", bart)).toBe(true);
  });

  it("is false when either side is the paper, by a term of its names or one edit from one", () => {
    expect(comparesOtherWorks(withBart, "bart vs t5: which span corruption?", bart)).toBe(false);
    expect(comparesOtherWorks(withBart, "t5 vs bart: which span corruption?", bart)).toBe(false);
    expect(comparesOtherWorks(withBart, "brat vs t5 what's the difference?", bart)).toBe(false);
  });

  it("is false for two designs in English words, which a paper itself compares", () => {
    expect(comparesOtherWorks(withBart, "pre-norm vs post-norm: which trains?", bart)).toBe(false);
    expect(comparesOtherWorks(withBart, "greedy vs beam search, which is better?", bart)).toBe(
      false,
    );
  });

  it("is false for a question that does not open with a comparison", () => {
    expect(comparesOtherWorks(withBart, "how does infilling do vs t5 corruption?", bart)).toBe(
      false,
    );
  });

  it("makes search decline the third work's paper", () => {
    const question = "T5 vs MASS: which text infilling noise is strongest?";
    const response = search(withBart, question);
    expect(response.results[0]?.paper.id).toBe("bart");
    expect(response.confident).toBe(false);
    expect(search(withBart, "which text infilling noise is strongest?").confident).toBe(true);
  });
});
