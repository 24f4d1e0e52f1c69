/**
 * Whether a message in a thread the bot has answered in is a follow-up for the bot, read without
 * a mention: people go on asking in the thread ("and what datasets?") and expect an answer, but
 * they also thank it, talk to each other and react, and none of that should get a reply.
 */

/** Words a question starts with. */
const QUESTION_START =
  /^(?:what|what's|whats|how|why|which|who|whose|when|where|does|do|did|is|are|was|were|can|could|should|would|will|has|have|any|anything|explain|tell|show|compare|summari[sz]e|tl;?dr|and|but|so|also|same|then)\b/i;

/** Replies that acknowledge an answer rather than ask anything. */
const ACKNOWLEDGEMENT =
  /^(?:thanks?|thank\s+you|thx|ty|cheers|ok(?:ay)?|k|cool|nice|great|got\s+it|makes\s+sense|perfect|awesome|lol|haha+|yes|yeah|yep|no|nope|nah|sure|wow|interesting|\+1|👍|🙏|🙌|❤️)\b[\s!.😀-🙏]*$/iu;

/** A mention of a person or a group, as chat platforms write one in a message's text. */
const PERSON_MENTION =
  /<@!?[A-Z0-9]+(?:\|[^>]*)?>|<!(?:subteam\^[A-Z0-9]+|here|channel|everyone)[^>]*>|@(?:here|everyone|channel)\b/i;

/**
 * Words that put a question to the people in the thread, not the bot: "what did you all think?"
 * in a digest's discussion thread is for the group.
 */
const ASKS_PEOPLE =
  /\b(?:you\s+all|y'?all|you\s+guys|anyone|anybody|everyone|everybody|folks|someone|somebody|you\s+think|your\s+(?:take|opinion|view))\b/i;

/** Longest message read as a follow-up: a long message is a discussion, not a question. */
const MAX_FOLLOW_UP_CHARS = 500;

/** What {@link readsAsFollowUp} needs to know besides the text. */
export interface FollowUpContext {
  /** How the bot itself is mentioned in the text ("<@U123>"), which does not address another. */
  botMention?: string;
}

/**
 * True when a thread message reads as a question for the bot: it asks something (a question mark,
 * or a question word first), addresses no one else (no mention of a person other than the bot),
 * is not an acknowledgement ("thanks!", "makes sense"), does not ask the people in the thread
 * ("what did you all think?", "anyone tried it?"), and is not a long discussion.
 */
export function readsAsFollowUp(text: string, context: FollowUpContext = {}): boolean {
  let rest = text;
  if (context.botMention) rest = rest.split(context.botMention).join(" ");
  if (PERSON_MENTION.test(rest)) return false;
  const trimmed = rest.replace(/\s+/g, " ").trim();
  if (trimmed.length === 0 || trimmed.length > MAX_FOLLOW_UP_CHARS) return false;
  if (ACKNOWLEDGEMENT.test(trimmed) || ASKS_PEOPLE.test(trimmed)) return false;
  return trimmed.includes("?") || QUESTION_START.test(trimmed);
}
