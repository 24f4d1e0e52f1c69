import { describe, expect, it } from "vitest";
import { buildIndex, PAPER_FIELDS } from "../../src/retrieval/buildIndex.ts";
import {
  asksAboutCitedWork,
  citesAt,
  namesWithinCitedWork,
} from "../../src/retrieval/citedOnly.ts";
import { weighQuery } from "../../src/retrieval/confidence.ts";
import { search } from "../../src/retrieval/search.ts";
import type { Paper } from "../../src/types.ts";
import { fakePaper, fillerPapers } from "../helpers/papers.ts";

const iqn = {
  ...fakePaper(1, "Implicit Quantile Networks for Distributional Reinforcement Learning"),
  aliases: ["IQN"],
  summary: [
    "## How",
    "- The network takes a quantile level tau as input and outputs that quantile of the return",
    "- Loss: quantile Huber loss over sampled taus, N = 64 for the online network",
    "## Notes",
    "- Successor: FQF (Yang et al. 2019) learns which taus to use via a fraction proposal network",
    "- vs QR-DQN: a fixed grid of taus becomes sampled taus",
    "- vs BYOL: no predictor, no momentum target network here",
    "- vs MAE (He et al. 2021): pixel targets with 75% of patches masked",
    "**Related**",
    "- Nyströmformer: another low-rank approach (landmarks instead of projections)",
  ].join("\n"),
};
const captions = {
  ...fakePaper(2, "Show and Tell"),
  aliases: [],
  summary: "- Captions images with an LSTM decoder over CNN features",
};
const index = buildIndex([iqn, captions]);

/**
 * `asksAboutCitedWork` of `paper`, in an index of it and the captioning paper; `fewWrite` when as
 * few summaries write the name as make a list of names cite it.
 */
function citedBy(paper: Paper, fewWrite = false): (question: string) => boolean {
  const withCaptions = paper === iqn ? index : buildIndex([paper, captions]);
  const number = withCaptions.paperNumbers.get(paper.id) ?? -1;
  return (question) =>
    asksAboutCitedWork(
      question,
      weighQuery(withCaptions, question, new Set()),
      paper,
      (term) => withCaptions.paperSearch.termCount(term, number, PAPER_FIELDS.indexOf("summary")),
      () => fewWrite,
    );
}
const cited = citedBy(iqn);

describe("asksAboutCitedWork", () => {
  it("is true for a question about a work the summary only cites", () => {
    expect(cited("how is the fraction proposal network in FQF trained?")).toBe(true);
  });

  it("takes a name nearly as weighty as the question's weightiest word, not one far lighter", () => {
    const question = "byol - why doesn't it collapse, is it the predictor or the target?";
    const summaryCount = () => 1;
    const near = new Map([
      ["byol", 3.75],
      ["predictor", 4.4],
      ["target", 1],
    ]);
    const far = new Map([
      ["byol", 2],
      ["predictor", 4.4],
      ["target", 1],
    ]);
    expect(asksAboutCitedWork(question, near, iqn, summaryCount)).toBe(true);
    expect(asksAboutCitedWork(question, far, iqn, summaryCount)).toBe(false);
    // A word that is no English word is a name at a little less: BYOL at 0.75 of "predictor".
    const lighter = new Map([...near, ["byol", 3.3]]);
    expect(asksAboutCitedWork(question, lighter, iqn, summaryCount)).toBe(true);
  });

  it("reads no name among examples a question gives", () => {
    expect(cited("are taus learned in quantile nets like FQF?")).toBe(false);
    expect(cited("are taus learned in the quantile nets of FQF?")).toBe(true);
    expect(cited("does it help on Atari games such as Pong, FQF or Breakout?")).toBe(false);
    expect(cited("does it help on the games FQF was tested on?")).toBe(true);
  });

  it("reads an English word the summary writes as an acronym as a name, figures aside", () => {
    expect(cited("why does MAE mask 75% of patches?")).toBe(true);
  });

  it("reads an English word capitalized mid-sentence as a name the summary may only cite", () => {
    const lime = {
      ...fakePaper(6, "Why Should I Trust You? Explaining the Predictions of Any Classifier"),
      aliases: ["LIME"],
      summary: [
        "## How",
        "- Fit a sparse linear model to the black box's outputs on perturbed samples near the input",
        "## Notes",
        "- Follow-up: Anchors (Ribeiro et al. 2018) give rules with precision and coverage",
      ].join("\n"),
    };
    const cites = citedBy(lime);
    expect(cites("how do Anchors measure precision and coverage?")).toBe(true);
    // Lower case, opening a sentence, or in a question in title case, it is a word.
    expect(cites("how do anchors measure precision and coverage?")).toBe(false);
    expect(cites("Anchors: how is precision measured?")).toBe(false);
    expect(cites("How Do Anchors Measure Precision And Coverage?")).toBe(false);
  });

  it("reads a line under a section of other works as citing them", () => {
    expect(cited("nystromformer landmarks: how are they picked?")).toBe(true);
  });

  it("is false for a question about the paper, or one comparing it with the cited work", () => {
    expect(cited("how does IQN sample the quantile levels tau?")).toBe(false);
    expect(cited("IQN vs FQF: how do they pick the taus?")).toBe(false);
    expect(cited("how does FQF differ from IQN in picking taus?")).toBe(false);
    expect(cited("does IQN beat FQF on atari?")).toBe(false);
  });

  it("is false for a word the summary writes in a line of its own, not a citing one", () => {
    expect(cited("why use the quantile huber loss?")).toBe(false);
  });

  it("reads the works a line says came after it or reused it as cited", () => {
    const editing = {
      ...fakePaper(11, "Learning to Follow Image Editing Instructions"),
      aliases: ["InstructPix2Pix"],
      summary: [
        "- Trains on 450k generated edit triples (instruction, before, after)",
        "- Became the standard baseline; followed by MagicBrush (human-annotated edit data)",
        "- Default editing backbone for years (and reused in CornerNet, etc.)",
      ].join("\n"),
    };
    const citedHere = citedBy(editing);
    expect(citedHere("how many edit triples are in magicbrush?")).toBe(true);
    expect(citedHere("how is cornernet trained?")).toBe(true);
    expect(citedHere("how many edit triples does instructpix2pix train on?")).toBe(false);
  });

  it("reads a citing word in brackets as citing only what the brackets hold", () => {
    const vocoder = {
      ...fakePaper(9, "HiFi-GAN"),
      aliases: ["HiFi-GAN"],
      summary: [
        "* From Kakao Enterprise (same group later did Glow-TTS, VITS)",
        "* Mel L1 loss weighted by 45, feature matching by 2",
      ].join("\n"),
    };
    const citedHere = citedBy(vocoder);
    expect(citedHere("kakao mel loss weight?")).toBe(false);
    expect(citedHere("what is VITS?")).toBe(true);
  });

  it("reads a citing word as citing its own clause, or a whole line that it opens", () => {
    const repvgg = {
      ...fakePaper(10, "RepVGG"),
      aliases: ["RepVGG"],
      summary: [
        "- Limitations",
        "  - Fused weights are outlier-heavy -> big drop w/ post-training INT8; fixed later by QARepVGG",
        "- Follow-ups: DBB (diverse branches); eventually MobileOne",
      ].join("\n"),
    };
    const citedHere = citedBy(repvgg);
    // INT8 stands in the clause before the citing word's.
    expect(citedHere("int8?")).toBe(false);
    expect(citedHere("qarepvgg?")).toBe(true);
    // "Follow-ups:" opens its line: every name in it is another work, past brackets and ";".
    expect(citedHere("mobileone?")).toBe(true);
  });

  it("reads a name before a 'vs' as the paper's own: an ablation's design, a dataset", () => {
    const conformer = {
      ...fakePaper(6, "Conformer"),
      aliases: [],
      summary: [
        "- Macaron half-step FFNs vs single FFN: small but consistent gain",
        "- LibriSpeech WER test-other: 4.3 vs ContextNet 4.6",
      ].join("\n"),
    };
    const conformerIndex = buildIndex([conformer, captions]);
    const about = (question: string) =>
      asksAboutCitedWork(
        question,
        weighQuery(conformerIndex, question, new Set()),
        conformer,
        () => 1,
      );
    expect(about("why two half-step FFNs around the attention?")).toBe(false);
    expect(about("LibriSpeech test-other WER?")).toBe(false);
    expect(about("how does ContextNet do on test-other?")).toBe(true);
  });
});

describe("a name in a bracketed list of names", () => {
  const cql = {
    ...fakePaper(9, "Conservative Q-Learning for Offline Reinforcement Learning"),
    id: "cql",
    aliases: ["CQL"],
    summary: [
      "## How",
      "- Penalize Q-values of actions the dataset lacks; push up Q on dataset actions",
      "- previous fixes (BCQ, BEAR, BRAC) constrain the policy; CQL regularizes the value",
      "- Policy-gradient family (PPO, IMPALA/V-trace, MPO) each miss some of these",
      "- Toy runs: HotpotQA (multi-hop QA), FEVER (fact checking)",
    ].join("\n"),
  };
  const cites = citedBy(cql, true);

  it("reads a name between bracketed names as one more work listed", () => {
    expect(cites("how does BEAR constrain the policy?")).toBe(true);
  });

  it("reads the first name after a bracket as an item of the list it opens", () => {
    expect(cites("what does PPO do to the policy?")).toBe(true);
  });

  it("bounds an item only by brackets around the name, not by one closed before it", () => {
    const td3 = {
      ...fakePaper(10, "Addressing Function Approximation Error in Actor-Critic Methods"),
      id: "td3",
      aliases: ["TD3"],
      summary: "- MuJoCo (all tasks, mixed): a good deal better overall than SAC / DDPG",
    };
    // SAC's item runs from "mixed)" on: a clause about the paper, not a list of works.
    expect(citedBy(td3, true)("SAC: how good is it overall?")).toBe(false);
  });

  it("reads no acronym of a kind of work as a work listed ('multi-hop QA')", () => {
    expect(cites("how well does it do on QA?")).toBe(false);
  });

  it("reads no field or operation as a work cited ('later predictor-based NAS', 'vs SVD')", () => {
    const pnas = {
      ...fakePaper(13, "Progressive Neural Architecture Search"),
      id: "pnas",
      aliases: ["PNASNet"],
      summary: [
        "- A learned predictor ranks cells; grows them one block at a time",
        "- Pseudo-inverse by Newton iterations (cheaper vs SVD)",
        "- Recurring lesson in later predictor-based NAS",
      ].join("\n"),
    };
    const citedByPnas = citedBy(pnas);
    expect(citedByPnas("the nas paper with a learned predictor: what model is it?")).toBe(false);
    expect(citedByPnas("how do they get the pseudo-inverse without an svd?")).toBe(false);
    const gemma = {
      ...fakePaper(15, "Gemma: Open Models Based on Gemini Research and Technology"),
      id: "gemma",
      aliases: ["Gemma"],
      summary: [
        "- 2B and 7B decoder-only models",
        "| heads / KV heads | 8 / 1 (MQA) | 16 / 16 |",
      ].join("\n"),
    };
    expect(citedBy(gemma, true)("which size got a single KV head?")).toBe(false);
    const gumbel = {
      ...fakePaper(16, "Policy improvement by planning with Gumbel"),
      id: "gumbel",
      aliases: ["Gumbel MuZero"],
      summary: "- Close to the regularized view of MCTS (Grill et al. 2020)",
    };
    expect(citedBy(gumbel, true)("how is MCTS regularized?")).toBe(false);
  });

  it("reads a bracket of two authors as a citation, with or without a year", () => {
    const cascaded = {
      ...fakePaper(12, "Cascaded Diffusion Models"),
      id: "cascaded",
      aliases: [],
      summary: "- No classifier needed: CFG (Ho & Salimans, same period) dropped it too",
    };
    expect(citedBy(cascaded, true)("how does CFG drop the classifier?")).toBe(true);
    const own = { ...cascaded, summary: "- No classifier needed: CFG drops it by itself" };
    expect(citedBy(own, true)("how does CFG drop the classifier?")).toBe(false);
  });

  it("reads the works a paper led to as cited ('superseded: Hyena ..., Mamba ...')", () => {
    const h3 = {
      ...fakePaper(14, "Hungry Hungry Hippos: Towards Language Modeling with State Space Models"),
      id: "h3",
      aliases: ["H3"],
      summary: [
        "- Two SSMs (shift, diagonal) multiplied with projections; FlashConv picks the kernel",
        "- This framing drove Hyena (same lab), based, Mamba (selective SSMs)",
        "- H3 itself quickly superseded: Hyena replaced the SSMs, Mamba w/ selective scans",
      ].join("\n"),
    };
    expect(citedBy(h3, true)("how does Mamba pick what to remember?")).toBe(true);
    expect(citedBy(h3, true)("how does FlashConv pick what to remember?")).toBe(false);
    expect(citesAt("its view paved the way for Mamba", 26)).toBe(true);
    expect(citesAt("influenced Mamba and others", 11)).toBe(true);
  });

  it("reads labs before 'et al.' as the paper's own authors, who cite nothing", () => {
    const own = "- NVIDIA / Caltech / Stanford et al.: agents in Minecraft";
    expect(citesAt(own, own.indexOf("Minecraft"))).toBe(false);
    const other = "- Yang et al.: agents in Minecraft";
    expect(citesAt(other, other.indexOf("Minecraft"))).toBe(true);
  });

  it("reads a name joined to '-style' or '-like' as the work a design borrows from", () => {
    const halonet = {
      ...fakePaper(13, "Scaling Local Self-Attention for Parameter Efficient Visual Backbones"),
      id: "halonet",
      aliases: ["HaloNet"],
      summary: "- Halo attention in every block; a wide final 1x1 conv (EfficientNet-style head)",
    };
    expect(citedBy(halonet)("how wide is the efficientnet head?")).toBe(true);
    expect(citesAt("a PixelCNN-like masked stack", 2)).toBe(true);
    expect(citesAt("a PixelCNN stack, masked", 2)).toBe(false);
  });

  it("reads no lab or university as a work listed ('(NYU, LeCun/Fergus group)')", () => {
    const dropconnect = {
      ...fakePaper(11, "Regularization of Neural Networks using DropConnect"),
      id: "dropconnect",
      aliases: ["DropConnect"],
      summary: "- Generalizes dropout (NYU, DropPath, LeCun/Fergus group): zero random weights",
    };
    const citesHere = citedBy(dropconnect, true);
    expect(citesHere("how does the nyu dropout zero random weights?")).toBe(false);
    // The list is still read: DropPath beside it is a work the notes only name.
    expect(citesHere("how does DropPath zero the weights?")).toBe(true);
  });
});

describe("a name in a list of names", () => {
  const fid = {
    ...fakePaper(7, "GANs Trained by a Two Time-Scale Update Rule"),
    aliases: ["TTUR", "FID"],
    summary: [
      "## How",
      "- FID: Fréchet distance between Inception pool3 features of real and generated images",
      "## Legacy",
      "- FID became the metric: ProGAN, StyleGAN, BigGAN, DDPM all headline FID-50k, though it is biased for small sample counts",
      "- Minibatch discrimination, simplified to minibatch stddev in ProGAN / StyleGAN",
      "- Compared against BN, LayerNorm, ResNet-style MLP baselines",
    ].join("\n"),
  };
  const fidIndex = buildIndex([fid, captions]);
  const number = fidIndex.paperNumbers.get(fid.id) ?? -1;
  // The asked name weighs most, as it does in a corpus of many summaries that never write it.
  const about = (question: string, name: string, fewWrite: boolean) =>
    asksAboutCitedWork(
      question,
      new Map([
        [name, 4],
        ["layer", 1],
      ]),
      fid,
      (term) => fidIndex.paperSearch.termCount(term, number, PAPER_FIELDS.indexOf("summary")),
      () => fewWrite,
    );

  it("is cited when few summaries write the name", () => {
    expect(about("stylegan mapping network - how many layers?", "stylegan", true)).toBe(true);
  });

  it("is the paper's own word when many summaries write it", () => {
    expect(about("stylegan mapping network - how many layers?", "stylegan", false)).toBe(false);
    expect(about("how many layers in the MLP baselines?", "mlp", true)).toBe(false);
  });

  it("leaves the paper's own questions answered", () => {
    const response = search(fidIndex, "which inception features does FID use?");
    expect(response.results[0]?.paper.id).toBe(fid.id);
    expect(response.confident).toBe(true);
  });

  it("declines a question about a listed work that no summary is about", () => {
    const response = search(fidIndex, "stylegan mapping network: how many layers and why?");
    expect(response.confident).toBe(false);
  });
});

describe("a question about a work a summary only cites", () => {
  it("is declined, with the citing paper among the nearest", () => {
    const response = search(
      index,
      "how is the fraction proposal network in FQF trained, same huber loss?",
    );
    expect(response.confident).toBe(false);
    expect(response.results[0]?.paper.id).toBe(iqn.id);
  });

  it("leaves the cited paper's own questions answered", () => {
    const response = search(index, "which loss does IQN train its sampled quantiles with?");
    expect(response.confident).toBe(true);
    expect(response.results[0]?.passage.text).toContain("quantile Huber loss");
  });
});

describe("a question about a work that every summary naming it only cites", () => {
  const rezero = {
    ...fakePaper(3, "ReZero is All You Need"),
    aliases: ["ReZero"],
    summary: [
      "## How",
      "- Each residual branch is scaled by a learned scalar initialized to zero",
      "## Related",
      "- DeepNet / DeepNorm (Wang et al. 2022): 1000-layer Transformers via residual rescaling",
    ].join("\n"),
  };
  const segmentation = {
    ...fakePaper(4, "Atrous convolution for segmentation"),
    aliases: [],
    summary: [
      "- Encoder-decoder segmentation net with atrous convolutions at several scales",
      "- The decoder picks constants for scaling the encoder features, per layer",
    ].join("\n"),
  };
  const question = "deepnorm: how are the scaling constants picked for an N-layer encoder-decoder?";

  it("is declined, whichever paper matches its other words", () => {
    const response = search(buildIndex([rezero, segmentation]), question);
    expect(response.results[0]?.paper.id).toBe(segmentation.id);
    expect(response.confident).toBe(false);
  });

  it("is answered by a summary about the work, which writes it in lines of its own", () => {
    const deepnorm = {
      ...fakePaper(5, "DeepNet: Scaling Transformers to 1,000 Layers"),
      aliases: [],
      summary: [
        "- DeepNorm scales the residual before layer norm; constants picked per N-layer encoder-decoder",
        "- DeepNorm keeps updates bounded, so 1000 layers train stably",
      ].join("\n"),
    };
    const response = search(buildIndex([rezero, segmentation, deepnorm]), question);
    expect(response.results[0]?.paper.id).toBe(deepnorm.id);
    expect(response.confident).toBe(true);
  });
});

describe("a question giving its paper's venue or relation", () => {
  const mopo = {
    ...fakePaper(6, "Model-based Offline Policy Optimization"),
    venue: "NeurIPS 2020",
    aliases: ["MOPO"],
    summary: [
      "## What",
      "- Offline RL with a learned dynamics model and a reward penalised by model uncertainty",
      "## Results",
      "- D4RL: model-free BEAR and BRAC are stronger on the narrow medium-expert datasets",
    ].join("\n"),
  };
  const solo = {
    ...fakePaper(7, "Segmenting Objects by Locations"),
    venue: "ECCV 2020",
    aliases: ["SOLO"],
    summary: [
      "- Instance masks predicted per grid cell",
      "- Follow-up: SOLOv2 (NeurIPS 2020) predicts dynamic mask kernels",
    ].join("\n"),
  };
  const index = buildIndex([mopo, solo, ...fillerPapers()]);

  it("reads a venue as where a paper appeared, not as a work another summary cites", () => {
    // SOLO's notes cite "SOLOv2 (NeurIPS 2020)"; "neurips 2020" still places MOPO.
    const response = search(
      index,
      "on which d4rl datasets does the uncertainty-penalised offline method (neurips 2020) lose to model-free ones?",
    );
    expect(response.results[0]?.paper.id).toBe(mopo.id);
    expect(response.confident).toBe(true);
  });

  it("lets the paper whose notes name its successor answer for 'the X predecessor'", () => {
    // The SOLO notes only cite SOLOv2, and "the SOLOv2 predecessor" is SOLO itself.
    const response = search(index, "the SOLOv2 predecessor: how are instance masks predicted?");
    expect(response.results[0]?.paper.id).toBe(solo.id);
    expect(response.confident).toBe(true);
  });
});

describe("a question about a work that a paper never names", () => {
  const pets = {
    ...fakePaper(
      6,
      "Deep Reinforcement Learning in a Handful of Trials using Probabilistic Dynamics Models",
    ),
    aliases: ["PETS"],
    summary: [
      "## How",
      "- An ensemble of probabilistic networks models the dynamics; plans with trajectory sampling",
      "## Neighbours",
      "- PlaNet and Dreamer learn latent dynamics from pixels",
    ].join("\n"),
  };
  const agent = {
    ...fakePaper(7, "Imagined trajectories for actor training"),
    aliases: [],
    summary: [
      "## How",
      "- The actor is trained on imagined latent trajectories, rolled out by a learned model",
      "- Gradients backpropagate through the latent trajectories into the actor",
    ].join("\n"),
  };
  const question =
    "in dreamer how do they backprop gradients through the imagined latent trajectories to train the actor?";

  it("is declined when the corpus writes the word only as a name, and that paper lacks it", () => {
    const response = search(buildIndex([pets, agent]), question);
    expect(response.results[0]?.paper.id).toBe(agent.id);
    expect(response.confident).toBe(false);
  });

  it("is answered when the word is also written as a plain word, not a name", () => {
    const plain = {
      ...pets,
      summary: `${pets.summary}\n- Unlike a daydreamer, the planner re-plans at every step; a dreamer would not`,
    };
    const response = search(buildIndex([plain, agent]), question);
    expect(response.results[0]?.paper.id).toBe(agent.id);
    expect(response.confident).toBe(true);
  });

  it("is answered by the paper that writes the name", () => {
    const dreamer = {
      ...agent,
      summary: `${agent.summary}\n- Dreamer: the world model is learned from pixels`,
    };
    const response = search(buildIndex([pets, dreamer]), question);
    expect(response.results[0]?.paper.id).toBe(agent.id);
    expect(response.confident).toBe(true);
  });

  it("leaves a word that is a name to begin with alone (a lab, a language)", () => {
    const lab = {
      ...pets,
      summary: `${pets.summary}\n- Trained on TPUs at Google`,
    };
    const response = search(
      buildIndex([lab, agent]),
      "did google backprop gradients through the imagined latent trajectories to train the actor?",
    );
    expect(response.results[0]?.paper.id).toBe(agent.id);
    expect(response.confident).toBe(true);
  });
});

describe("namesWithinCitedWork", () => {
  const segnet = {
    ...fakePaper(3, "SegNet: A Deep Convolutional Encoder-Decoder Architecture"),
    id: "segnet",
    aliases: ["SegNet"],
    summary: [
      "## How",
      "- Encoder = VGG-16 conv layers; the decoder upsamples with the encoder's max-pooling indices",
      "- SegNet-Basic: a smaller 4-layer version for the ablations",
      "## Notes",
      "- Follow-ups: **Bayesian SegNet** (Kendall et al.) — MC dropout for per-pixel uncertainty",
    ].join("\n"),
  };
  const within = (question: string) =>
    namesWithinCitedWork(question, question.search(/segnet/i), "segnet", segnet);

  it("is true for the paper's name inside a work's name the summary only cites", () => {
    expect(within("bayesian segnet - how many MC dropout samples at test time?")).toBe(true);
    expect(within("how many samples does Bayesian-SegNet average?")).toBe(true);
  });

  it("is false for a word the summary never writes before the name, or writes of its own", () => {
    expect(within("how does segnet upsample?")).toBe(false);
    expect(within("the original segnet decoder")).toBe(false);
    expect(within("what does vanilla SegNet use for upsampling?")).toBe(false);
    expect(within("segnet-basic depth")).toBe(false);
  });

  it("leaves the paper out of the answers to such a question", () => {
    const corpus = buildIndex([segnet, captions]);
    const response = search(corpus, "bayesian segnet: how many MC dropout samples at test time?");
    expect(response.confident).toBe(false);
    expect(search(corpus, "segnet: how does the decoder upsample?").confident).toBe(true);
  });
});

describe("asksAboutCitedWork with compound names", () => {
  const plenoxels = {
    ...fakePaper(4, "Plenoxels: Radiance Fields without Neural Networks"),
    id: "plenoxels",
    aliases: ["Plenoxels"],
    summary: [
      "## How",
      "- Sparse voxel grid with spherical harmonics; trilinear interpolation; no MLP at all",
      "- DETR-style set losses are not used here: plain photometric loss + total variation",
      "## Notes",
      "- Concurrent: **Instant-NGP** (multires hash grid + tiny MLP) — Instant-NGP mostly won",
    ].join("\n"),
  };
  const cites = citedBy(plenoxels);

  it("reads a hyphenated name by its joined spelling, as the index has it", () => {
    expect(cites("instant-ngp: how big is the hash grid?")).toBe(true);
    expect(cites("Instant-NGP hash grid + tiny MLP?")).toBe(true);
  });

  it("reads no name of a compound whose last part is an English word", () => {
    expect(cites("which DETR-style losses does it drop?")).toBe(false);
  });

  it("reads a compound's leading part as a name it cites, but not its last part", () => {
    const appnp = {
      ...fakePaper(6, "Predict then Propagate: Graph Neural Networks meet Personalized PageRank"),
      id: "appnp",
      aliases: ["APPNP"],
      summary: [
        "## How",
        "- An MLP predicts per node, then personalized PageRank propagates the predictions",
        "## Limitations",
        "- Fixed propagation; GPR-GNN later learns the weights",
        "- Encoders: cf. DeBERTa-v3, which swaps MLM for replaced token detection",
      ].join("\n"),
    };
    const citedByAppnp = citedBy(appnp);
    // "GNN" is the kind of work GPR-GNN is; the question describes a GNN, not GPR-GNN.
    expect(citedByAppnp("the GNN whose MLP predicts per node: what propagates?")).toBe(false);
    expect(citedByAppnp("GPR-GNN: how are its weights learned?")).toBe(true);
    expect(citedByAppnp("what does DeBERTa do?")).toBe(true);
  });
});

describe("asksAboutCitedWork with related work and gains over others", () => {
  const mpl = {
    ...fakePaper(7, "Meta Pseudo Labels"),
    id: "meta-pseudo-labels",
    aliases: ["MPL"],
    summary: [
      "## How",
      "- A teacher makes pseudo labels; the student's validation loss trains the teacher",
      "## Notes",
      "- Heavy: two nets; gains over FixMatch/UDA on small benchmarks ~0.5-2 pts",
      "- Related: Noisy Student (same group), MixText, learning-to-teach",
      "- Baselines (approx list): ReMixMatch, supervised-only",
      "- Lineage: pseudo-labelling -> Noisy Student -> this -> SimPLE (2021, same spirit)",
    ].join("\n"),
  };
  const cites = citedBy(mpl);

  it("reads a name after 'gains over', in a 'Related:' or a 'Baselines' line as a work set beside the paper", () => {
    expect(cites("how does ReMixMatch work?")).toBe(true);
    expect(cites("how does FixMatch pick its pseudo labels?")).toBe(true);
    expect(cites("how does MixText mix?")).toBe(true);
    expect(cites("how does MPL train its teacher?")).toBe(false);
  });

  it("reads a name in a 'Lineage:' line as a work set beside the paper", () => {
    expect(cites("how does SimPLE pick its pseudo labels?")).toBe(true);
  });

  it("reads a name after 'same group as' or 'in the spirit of' as a work set beside the paper", () => {
    const volo = {
      ...fakePaper(14, "VOLO: Vision Outlooker for Visual Recognition"),
      id: "volo",
      aliases: ["VOLO"],
      summary: [
        "- Sea AI Lab + NUS (same group as T2T-ViT, LV-ViT); outlook attention for fine tokens",
        "- Search: tournament selection in the spirit of AmoebaNet, population ~100",
      ].join("\n"),
    };
    const citedByVolo = citedBy(volo);
    expect(citedByVolo("how does T2T-ViT make its fine tokens?")).toBe(true);
    expect(citedByVolo("amoebanet: how big is its population?")).toBe(true);
    expect(citedByVolo("how does VOLO's outlook attention work?")).toBe(false);
  });
});

describe("asksAboutCitedWork with a table of methods compared", () => {
  const cw = {
    ...fakePaper(5, "Towards Evaluating the Robustness of Neural Networks"),
    id: "cw-attack",
    aliases: ["C&W attack"],
    summary: [
      "## How",
      "- Targeted attacks, one per distance metric, found by optimization with a margin loss",
      "## Results",
      "| attack | mean L2 distortion |",
      "| --- | --- |",
      "| ours | ~0.33 |",
      "| DeepFool | clearly larger |",
      "## Notes",
      "- Before: FGSM (Goodfellow 2015), DeepFool (Moosavi-Dezfooli 2016)",
    ].join("\n"),
  };
  const cites = citedBy(cw);

  it("reads a name only in table rows and citing lines as a method compared against", () => {
    expect(cites("deepfool - how does it attack?")).toBe(true);
  });

  it("is false for a question about how the paper fared against it", () => {
    expect(cites("why did the margin loss attack lose to DeepFool on speed?")).toBe(false);
    expect(cites("how much smaller is the distortion than DeepFool?")).toBe(false);
  });
});
