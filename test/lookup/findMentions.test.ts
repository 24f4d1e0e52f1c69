import { describe, expect, it } from "vitest";
import { findMentions } from "../../src/lookup/findMentions.ts";
import { lookupPaper } from "../../src/lookup/lookupPaper.ts";
import { NameTable } from "../../src/lookup/nameTable.ts";
import { fakePaper } from "../helpers/papers.ts";

const instanceNorm = {
  ...fakePaper(1, "Instance Normalization: The Missing Ingredient for Fast Stylization"),
  id: "instance-norm",
  aliases: ["InstanceNorm", "IN"],
  authors: ["Dmitry Ulyanov", "Andrea Vedaldi", "Victor Lempitsky"],
};
const fasterRcnn = {
  ...fakePaper(2, "Faster R-CNN"),
  id: "faster-rcnn",
  aliases: ["Faster R-CNN"],
  authors: ["Shaoqing Ren", "Kaiming He", "Ross Girshick", "Jian Sun"],
};
const table = new NameTable([instanceNorm, fasterRcnn]);
const named = (question: string) => findMentions(table, question).map((m) => m.paper.id);

describe("findMentions", () => {
  it("reads a name with a possessive ending as the name", () => {
    const impala = { ...fakePaper(7, "IMPALA"), id: "impala", aliases: ["IMPALA"] };
    const names = new NameTable([impala, fasterRcnn]);
    const ids = (question: string) => findMentions(names, question).map((m) => m.paper.id);
    expect(ids("how does IMPALA's v-trace correction work?")).toEqual(["impala"]);
    expect(ids("how does impala’s learner batch trajectories?")).toEqual(["impala"]);
    expect(ids("what is faster r-cnn's anchor scheme?")).toEqual(["faster-rcnn"]);
  });

  it("takes no other number for a typo: another version is another paper", () => {
    const stylegan2 = { ...fakePaper(5, "StyleGAN2"), id: "stylegan2", aliases: ["StyleGAN2"] };
    const yolov3 = { ...fakePaper(6, "YOLOv3"), id: "yolov3", aliases: ["YOLOv3"] };
    const names = new NameTable([stylegan2, yolov3]);
    const ids = (question: string) => findMentions(names, question).map((m) => m.paper.id);
    expect(ids("what changed in stylegan3 to make it alias-free?")).toEqual([]);
    expect(ids("how does yolov4 use mosaic augmentation?")).toEqual([]);
    expect(ids("stylegna2 weight demodulation")).toEqual(["stylegan2"]);
    expect(lookupPaper(names, "stylegan3").paper).toBeUndefined();
    expect(lookupPaper(names, "stylegan3").suggestions[0]?.id).toBe("stylegan2");
    expect(lookupPaper(names, "stylgan2").paper?.id).toBe("stylegan2");
  });

  it("forgives two swapped letters in a shorter name, but no other typo, and no English word", () => {
    const roberta = { ...fakePaper(3, "RoBERTa"), id: "roberta", aliases: ["RoBERTa"] };
    const bear = { ...fakePaper(4, "BEAR"), id: "bear", aliases: ["BEAR", "ResNet", "Sliver"] };
    const names = new NameTable([roberta, bear]);
    const ids = (question: string) => findMentions(names, question).map((m) => m.paper.id);
    expect(ids("roberat bpe vocab size")).toEqual(["roberta"]);
    expect(ids("robertx bpe vocab size")).toEqual([]);
    expect(ids("how near is it")).toEqual([]);
    expect(ids("a silver lining")).toEqual([]);
    expect(ids("resnte depth")).toEqual(["bear"]);
    // Four letters are enough for a swap, but not for an English word that is one.
    expect(ids("how many task clusters did bera use")).toEqual(["bear"]);
    expect(ids("the bare minimum of data")).toEqual([]);
  });

  it("forgives a doubled letter typed three times in a shorter name, and no other repeat", () => {
    const bloom = { ...fakePaper(3, "BLOOM"), id: "bloom", aliases: ["BLOOM"] };
    const dqn = { ...fakePaper(4, "DQN"), id: "dqn", aliases: ["DQN"] };
    const names = new NameTable([bloom, dqn]);
    const ids = (question: string) => findMentions(names, question).map((m) => m.paper.id);
    expect(ids("how much co2 did blooom's training emit?")).toEqual(["bloom"]);
    expect(ids("bloxom tokenizer size")).toEqual([]);
    expect(ids("blooms in spring")).toEqual([]);
    // Double DQN is another paper; so is one whose name doubles a letter by design.
    expect(ids("ddqn target network")).toEqual([]);
    expect(ids("dqnn target network")).toEqual([]);
  });

  it("reads an alias that is a stop word only when cased as the alias is", () => {
    expect(named("in the KL variant, how is the penalty adjusted?")).toEqual([]);
    expect(named("does IN help style transfer?")).toEqual(["instance-norm"]);
  });

  it("reads short family names beside a co-author already named", () => {
    expect(named("Ren, He, Girshick and Sun: what was their idea?")).toEqual([
      "faster-rcnn",
      "faster-rcnn",
      "faster-rcnn",
      "faster-rcnn",
    ]);
    expect(named("what does he think of the sun?")).toEqual([]);
  });

  it('reads a word before "et al." as a family name, however common', () => {
    const table2 = new NameTable([{ ...fasterRcnn, authors: ["Matthew Peters"] }]);
    expect(findMentions(table2, "what did Peters et al. propose?")).toHaveLength(1);
    expect(findMentions(table2, "the peters family")).toHaveLength(0);
  });

  describe("an author's paper the question's other authors or year do not fit", () => {
    const longformer = {
      ...fakePaper(3, "Longformer: The Long-Document Transformer"),
      id: "longformer",
      year: 2020,
      authors: ["Iz Beltagy", "Matthew E. Peters", "Arman Cohan"],
    };
    const mae = {
      ...fakePaper(4, "Masked Autoencoders Are Scalable Vision Learners"),
      id: "mae",
      year: 2021,
      authors: ["Kaiming He", "Xinlei Chen", "Saining Xie", "Ross Girshick"],
    };
    const byol = { ...fakePaper(5, "Bootstrap Your Own Latent"), id: "byol", aliases: ["BYOL"] };
    const authors = new NameTable([fasterRcnn, longformer, mae, byol]);
    const ids = (question: string) => [
      ...new Set(findMentions(authors, question).map((m) => m.paper.id)),
    ];

    it("is not named by an author it shares", () => {
      // Faster R-CNN's Ren and Sun are no authors of MAE, which He and Girshick wrote too.
      expect(ids("Ren, He, Girshick and Sun: what was their idea?")).toEqual(["faster-rcnn"]);
      expect(ids("what did kingma and girshick propose?")).toEqual([]);
      expect(ids("He, Chen & Girshick - do they predict pixels?")).toEqual(["mae"]);
    });

    it("is not named when the question gives another year", () => {
      expect(ids("what did Peters et al. 2018 propose?")).toEqual([]);
      expect(ids("what did Peters et al. 2019 propose?")).toEqual(["longformer"]);
      // An arXiv id's digits are no year.
      expect(ids("Peters et al., 2012.09841")).toEqual(["longformer"]);
    });

    it("is not named by an author given in brackets after another work's name", () => {
      // "react (peters et al)" gives ReAct's authors; Longformer is no ReAct.
      expect(ids("react (peters et al): what actions can the agent take?")).toEqual([]);
      expect(ids("in the ELMo paper (Peters et al.), which layers are mixed?")).toEqual([]);
      // The paper's own name, or a word that only refers to a paper, keeps it named.
      expect(ids("longformer (peters et al): window size?")).toEqual(["longformer"]);
      expect(ids("that paper (Peters et al.): window size?")).toEqual(["longformer"]);
    });

    it("reads a work's name beside an author as no author", () => {
      expect(ids("BYOL, Peters et al: what's new?")).toEqual(["byol", "longformer"]);
      expect(ids("what did Beltagy and the others propose?")).toEqual(["longformer"]);
    });
  });
});
