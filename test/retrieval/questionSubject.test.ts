import { describe, expect, it } from "vitest";
import { buildIndex, paperNameTerms } from "../../src/retrieval/buildIndex.ts";
import { search } from "../../src/retrieval/search.ts";
import type { Paper } from "../../src/types.ts";

/** A small corpus in which papers name each other and share authors, as real ones do. */
function paper(id: string, fields: Partial<Paper> & { summary: string }): Paper {
  return {
    id,
    title: id,
    authors: ["Someone Else"],
    year: 2015,
    venue: "ICLR",
    arxiv: "1500.00001",
    url: "https://arxiv.org/abs/1500.00001",
    aliases: [],
    added: "2026-11-27",
    file: `${id}.md`,
    figures: [],
    ...fields,
  };
}

const corpus = [
  paper("adam", {
    title: "Adam: A Method for Stochastic Optimization",
    authors: ["Diederik P. Kingma", "Jimmy Ba"],
    arxiv: "1412.6980",
    aliases: ["Adam"],
    summary: [
      "## What",
      "- Adaptive moment estimation: a first-order optimizer with per-parameter step sizes",
      "## How",
      "- Bias correction: both moving averages start at zero, so divide by one minus beta to the t",
      "- Default hyperparameters: learning rate 0.001, beta1 0.9, beta2 0.999",
    ].join("\n"),
  }),
  paper("vae", {
    title: "Auto-Encoding Variational Bayes",
    authors: ["Diederik P. Kingma", "Max Welling"],
    aliases: ["VAE"],
    summary:
      "- Reparameterization trick: sample the latent as mean plus sigma times noise\n- Trains an encoder and decoder jointly on the evidence lower bound",
  }),
  paper("dcgan", {
    title: "Unsupervised Representation Learning with Deep Convolutional GANs",
    authors: ["Alec Radford", "Luke Metz", "Soumith Chintala"],
    aliases: ["DCGAN"],
    summary: [
      "- All-convolutional generator and discriminator, batch norm in both",
      "- Training: Adam with learning rate 0.0002 and beta1 0.5, since the default 0.9 oscillated",
    ].join("\n"),
  }),
  paper("vit", {
    title: "An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale",
    aliases: ["ViT"],
    summary:
      "- Trained on ImageNet alone the patch transformer loses to ResNets of the same size: it lacks their locality bias and needs lots of data",
  }),
  paper("resnet", {
    title: "Deep Residual Learning for Image Recognition",
    aliases: ["ResNet"],
    summary: "- Identity shortcuts let very deep nets train; ResNets won ImageNet 2015",
  }),
  paper("dropout", {
    title: "Improving neural networks by preventing co-adaptation of feature detectors",
    authors: ["Geoffrey Hinton"],
    aliases: ["Dropout"],
    summary: "- Randomly omit each hidden unit with probability one half on every training case",
  }),
];
const index = buildIndex(corpus);

describe("the paper a question is about", () => {
  it("wins over a paper the question only mentions", () => {
    const response = search(index, "what Adam settings did DCGAN use?");
    expect(response.results[0]?.paper.id).toBe("dcgan");
    expect(response.results[0]?.passage.text).toContain("beta1 0.5");
  });

  it("is the named paper that is the question's grammatical subject", () => {
    // Adam's summary says "default hyperparameters"; the question is about what DCGAN changed.
    const response = search(index, "which default adam hyperparameters did dcgan change?");
    expect(response.results[0]?.paper.id).toBe("dcgan");
  });

  it("is the first of two named papers a question opens by comparing", () => {
    const first = (question: string) => search(index, question).results[0]?.paper.id;
    expect(first("adam vs dcgan: which learning rate and beta1?")).toBe("adam");
    expect(first("dcgan vs adam: which learning rate and beta1?")).toBe("dcgan");
  });

  it("is a paper the question does not name when its summary discusses the named one and answers", () => {
    const response = search(
      index,
      "does the patch-based image transformer beat resnets if you only train on imagenet?",
    );
    expect(response.results[0]?.paper.id).toBe("vit");
    expect(response.confident).toBe(true);
  });

  it("stays the named paper when the rest of the question is only small words", () => {
    expect(search(index, "resnet, what's the difference?").results[0]?.paper.id).toBe("resnet");
  });

  it("is the one its authors name together: Kingma and Ba wrote Adam, Kingma alone also VAE", () => {
    const response = search(index, "what did Kingma and Ba propose?");
    expect(response.confident).toBe(true);
    expect(response.results[0]?.paper.id).toBe("adam");
  });

  it("is not answered confidently when the rest of the question is about something else", () => {
    const response = search(index, "dropconnect vs dropout: what exactly does dropconnect drop?");
    expect(response.results[0]?.paper.id).toBe("dropout");
    expect(response.confident).toBe(false);
  });

  it("is answered when named by arXiv id beside a question its summary covers", () => {
    const response = search(index, "1412.6980 bias correction");
    expect(response.confident).toBe(true);
    expect(response.results[0]?.passage.text).toContain("Bias correction");
  });
});

describe("a paper whose name is everyday words", () => {
  const named = buildIndex([
    paper("world-models", {
      title: "World Models",
      aliases: ["World Models"],
      summary: [
        "- A VAE compresses frames and an MDN-RNN predicts the next latent",
        "- The controller is a single linear layer, trained with CMA-ES",
      ].join("\n"),
    }),
    paper("lm", {
      title: "Small language models",
      summary:
        "- Models optimized with a cosine schedule; the controller of the data loader is optimized too",
    }),
  ]);

  it("stays first when another passage says only a word of its name ('models')", () => {
    const response = search(named, "world models how is the controller optimized");
    expect(response.results[0]?.paper.id).toBe("world-models");
  });
});

describe("author questions", () => {
  const authored = buildIndex([
    paper("elmo", {
      title: "Deep contextualized word representations",
      authors: ["Matthew E. Peters", "Mark Neumann"],
      year: 2018,
      aliases: ["ELMo"],
      summary:
        "## What\n- Word vectors that depend on the sentence, from a 2-layer biLSTM language model\n## Results\n- Adds about 3 F1 on SQuAD",
    }),
    paper("other", {
      title: "Region proposals for detection",
      authors: ["Someone Else"],
      summary: "- Region proposals were the bottleneck of detection, so we propose to learn them",
    }),
  ]);

  it('reads a common family name before "et al." as an author: "Peters et al."', () => {
    const response = search(authored, "what did Peters et al. 2018 propose?");
    expect(response.results[0]?.paper.id).toBe("elmo");
    expect(response.confident).toBe(true);
  });

  it("answers 'what did they propose' with the passage that introduces the paper", () => {
    const response = search(authored, "what did Peters et al. propose?");
    expect(response.results[0]?.passage.text).toContain("Word vectors that depend on the sentence");
  });
});

describe("the introducing passage", () => {
  it("is the one under an overview heading when notes have one", () => {
    const notes = buildIndex([
      paper("wn", {
        title: "Weight Normalization: A Simple Reparameterization to Accelerate Training",
        authors: ["Tim Salimans", "Diederik P. Kingma"],
        aliases: ["WeightNorm"],
        summary: [
          "## How",
          "- weight normalization reparameterizes training weights: the gradient of the weight norm and direction",
          "## What",
          "- Decouple each weight vector's length from its direction",
        ].join("\n"),
      }),
    ]);
    const response = search(notes, "what did Salimans and Kingma propose?");
    expect(response.results[0]?.passage.text).toContain("Decouple each weight vector");
  });
});

describe("a named paper's own words", () => {
  it("include its id's, which a question naming it is read with", () => {
    const own = buildIndex([
      paper("world-models", { title: "World Models", summary: "- V, M and C" }),
    ]);
    const [only] = own.papers.values();
    expect(only && [...paperNameTerms(own, only)]).toContain("worldmodel");
  });
});

describe("two papers by the same authors", () => {
  const both = buildIndex([
    paper("sgdr", {
      title: "SGDR: Stochastic Gradient Descent with Warm Restarts",
      authors: ["Ilya Loshchilov", "Frank Hutter"],
      summary: "- Cosine learning rate with warm restarts; SGD with momentum and weight decay 5e-4",
    }),
    paper("adamw", {
      title: "Decoupled Weight Decay Regularization",
      authors: ["Ilya Loshchilov", "Frank Hutter"],
      aliases: ["AdamW"],
      summary: "- Adam with L2 is not the same as decay: apply it to the weights directly",
    }),
  ]);

  it("are told apart by the words of one's title that the question uses", () => {
    const response = search(both, "what did loshchilov and hutter change about weight decay");
    expect(response.results[0]?.paper.id).toBe("adamw");
  });

  it("are told apart by the year the question gives, when it asks nothing more", () => {
    const years = buildIndex([
      paper("longformer", {
        title: "Longformer: The Long-Document Transformer",
        authors: ["Iz Beltagy", "Matthew E. Peters", "Arman Cohan"],
        year: 2020,
        summary: "- Attention that scales linearly with sequence length, for long documents",
      }),
      paper("elmo", {
        title: "Deep Contextualized Word Representations",
        authors: ["Matthew E. Peters", "Mark Neumann"],
        year: 2018,
        summary: "- Word vectors that depend on the sentence, from a biLSTM language model",
      }),
    ]);
    for (const year of ["2018", "2020"]) {
      const response = search(years, `what did peters et al ${year} propose`);
      expect(response.results[0]?.paper.year).toBe(Number(year));
    }
  });
});

describe("the paper that covers the question", () => {
  const fillers = [
    "image captioning",
    "speech recognition",
    "graph attention",
    "protein folding",
    "weather forecasting",
    "music generation",
  ];
  const corpus = buildIndex([
    paper("sbert", {
      title: "Sentence-BERT: Sentence Embeddings using Siamese Networks",
      summary: [
        "- Sentence embeddings from a siamese network, so sentence similarity is a cosine",
        "- Sentence pairs from NLI train it; sentence search becomes fast",
        "- Sentence similarity orders of magnitude faster than a cross-encoder on sentence pairs",
      ].join("\n"),
    }),
    paper("albert", {
      title: "ALBERT: A Lite BERT",
      aliases: ["ALBERT"],
      summary: [
        "- Factorized embeddings: a small embedding size, then a projection to the hidden size",
        "- Cross-layer parameter sharing: every layer uses the same weights",
        "- SOP loss: sentence order prediction replaces the next-segment task of BERT, which was too easy because topic alone gave the answer away in most pairs of segments",
        "- Fewer parameters than BERT-large, yet a better GLUE score",
      ].join("\n"),
    }),
    ...fillers.map((t) => paper(t, { title: t, summary: `- A paper about ${t} and nothing else` })),
  ]);

  it("leads over one that says some of its words more often", () => {
    const response = search(corpus, "what is sentence order prediction");
    expect(response.results[0]?.paper.id).toBe("albert");
    expect(response.confident).toBe(true);
  });
});

describe("a paper the question names but cannot answer", () => {
  const fillers = ["speech recognition", "graph attention", "protein folding", "music generation"];
  const corpus = buildIndex([
    paper("gan", {
      title: "Generative Adversarial Nets",
      aliases: ["GAN"],
      summary: "- A generator and a discriminator trained against each other in a minimax game",
    }),
    paper("conditional-gan", {
      title: "Conditional Generative Adversarial Nets",
      aliases: ["cGAN"],
      summary: [
        "- Feed the label y to both generator and discriminator",
        "- MIR Flickr 25k image tagging: generates word vectors for an image, conditioned on it",
      ].join("\n"),
    }),
    ...fillers.map((t) => paper(t, { title: t, summary: `- A paper about ${t} and nothing else` })),
  ]);

  it("gives way to one that covers the question confidently and far better", () => {
    const question =
      "how did the mir flickr image tagging experiment go in the label-conditioned gan paper";
    const response = search(corpus, question);
    expect(response.results[0]?.paper.id).toBe("conditional-gan");
    expect(response.confident).toBe(true);
  });

  it("keeps the question when the other covers it no better than passably", () => {
    const response = search(corpus, "how does the gan discriminator handle speech");
    expect(response.results[0]?.paper.id).toBe("gan");
  });
});

describe("a year the question gives", () => {
  it("is evidence for the paper of that year", () => {
    const corpus = buildIndex([
      paper("alexnet", {
        title: "ImageNet Classification with Deep Convolutional Neural Networks",
        year: 2012,
        summary: "- Big CNN on ImageNet, the model split in half across two GPUs for memory",
      }),
      paper("he-init", {
        title: "Delving Deep into Rectifiers",
        year: 2015,
        summary:
          "- PReLU and an init for deep rectifier nets; beats the best ILSVRC 2012 entry on ImageNet",
      }),
      paper("filler", { title: "Music generation", summary: "- A paper about music" }),
    ]);
    const response = search(corpus, "which was the 2012 imagenet winner");
    expect(response.results[0]?.paper.id).toBe("alexnet");
  });
});
