/**
 * Short forms people type in ML chat, mapped to the words summaries spell out. Applied to both
 * passages and queries, so "RL" meets "reinforcement learning" and "OOD" meets
 * "out-of-distribution" whichever side abbreviates. Only unambiguous short forms belong here.
 */
export const ABBREVIATIONS: ReadonlyMap<string, readonly string[]> = new Map([
  ["rl", ["reinforcement", "learning"]],
  ["ood", ["outofdistribution"]],
  ["mi", ["mutual", "information"]],
  ["ib", ["information", "bottleneck"]],
  ["env", ["environment"]],
  ["envs", ["environment"]],
  ["conv", ["convolution"]],
  ["convs", ["convolution"]],
  ["cnn", ["convolutional"]],
  ["backprop", ["backpropagation", "gradient"]],
  ["init", ["initialization"]],
  ["inits", ["initialization"]],
  ["params", ["parameters"]],
  ["hparams", ["hyperparameters"]],
  ["nn", ["neural", "network"]],
  ["nns", ["neural", "network"]],
  ["adv", ["adversarial"]],
  ["aug", ["augmentation"]],
  ["augs", ["augmentation"]],
  ["acc", ["accuracy"]],
  ["perf", ["performance"]],
  ["lr", ["learning", "rate"]],
  ["img", ["image"]],
  ["imgs", ["image"]],
  ["exp", ["experiment"]],
  ["exps", ["experiment"]],
  ["expts", ["experiment"]],
  ["reg", ["regularization"]],
  ["sota", ["state", "art"]],
  ["gd", ["gradient", "descent"]],
]);
