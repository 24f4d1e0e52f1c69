/** True when a text has no lower-case letter: typed all in capitals, its casing says nothing. */
export function isShouted(text: string): boolean {
  return !/\p{Ll}/u.test(text);
}

/**
 * True for a piece written with a capital past its first letter ("ALBERT", "CaiT", "GANs",
 * "AdaIN"): the asker wrote a name, whatever English word it also spells ("albert", "gin",
 * "again"). Not when the whole question is in capitals (`shouted`, see {@link isShouted}).
 */
export function writtenAsName(piece: string, shouted: boolean): boolean {
  return !shouted && /\p{Lu}/u.test(piece.slice(1));
}
