/** Porter2 (Snowball English) stemmer; the package ships no types of its own. */
declare module "wink-porter2-stemmer" {
  /** Returns the stem of one lower-case English word. */
  export default function stem(word: string): string;
}
