/**
 * A paper's card, the reply the digest features too: kept apart from the rest of the reply model
 * so that the digest (which holds a card) and the replies (one of which holds a digest) do not
 * import each other.
 */
import type { FeedbackHandle } from "../feedback/feedback.ts";
import type { Paper } from "../types.ts";

/** Who sees a reply: everyone in the conversation, or only the person who asked. */
export type Audience = "channel" | "asker";

/** `/paper NAME`: who wrote the paper, where to read it, and what it is about. */
export interface CardReply {
  kind: "card";
  audience: Audience;
  /** The paper. */
  paper: Paper;
  /** A few introducing sentences from its summary, math made readable. */
  summary: string;
  /** The paper's key figure (an image URL), if it has one. */
  figure?: string;
  /** Set once a card shown for a look-up or a question is recorded: its vote buttons' id. */
  feedback?: FeedbackHandle;
}
