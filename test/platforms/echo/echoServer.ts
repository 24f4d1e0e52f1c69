/**
 * An in-memory chat service for the test-only "echo" platform: people send slash commands and
 * mentions, the bot connects and replies. It stands in for a real platform's API on loopback.
 */

/** What the bot sent back. */
export interface EchoPayload {
  /** The visible text, escaped so nothing in it pings. */
  text: string;
  /** Image URLs shown. */
  images: string[];
}

/** A reply as the service recorded it. */
export interface EchoReply extends EchoPayload {
  /** True when only the asker sees it. */
  private: boolean;
  /** The thread it went to, for a mention. */
  thread?: string;
}

/** What the service delivers to a connected bot. */
export type EchoEvent =
  | { kind: "command"; text: string; channel: string; respond(reply: EchoReply): void }
  | {
      kind: "mention";
      id: string;
      text: string;
      channel: string;
      thread?: string;
      post(reply: EchoReply): void;
    };

/** One echo service, found by name (`ECHO_SERVER`), as a real platform is found by its URL. */
export class EchoServer {
  static readonly #servers = new Map<string, EchoServer>();
  #bot: ((event: EchoEvent) => void) | undefined;
  #ids = 0;

  constructor(readonly name: string) {
    EchoServer.#servers.set(name, this);
  }

  /** The service of that name. */
  static named(name: string): EchoServer {
    const server = EchoServer.#servers.get(name);
    if (!server) throw new Error(`no echo server called ${name}`);
    return server;
  }

  /** Connects the bot; events go to `listener` until it disconnects. */
  connect(listener: (event: EchoEvent) => void): void {
    this.#bot = listener;
  }

  disconnect(): void {
    this.#bot = undefined;
  }

  #deliver(event: (settle: (reply: EchoReply) => void) => EchoEvent): Promise<EchoReply> {
    const bot = this.#bot;
    if (!bot) return Promise.reject(new Error("no bot is connected"));
    return new Promise((resolve) => bot(event(resolve)));
  }

  /** A person runs `/paper TEXT` in `channel`; resolves with the reply. */
  command(text: string, channel = "general"): Promise<EchoReply> {
    return this.#deliver((respond) => ({ kind: "command", text, channel, respond }));
  }

  /** A person mentions the bot, in `thread` or at the top of `channel`; resolves with the reply. */
  mention(text: string, thread?: string, channel = "general"): Promise<EchoReply> {
    this.#ids += 1;
    const id = `m${this.#ids}`;
    return this.#deliver((post) => ({
      kind: "mention",
      id,
      text,
      channel,
      ...(thread ? { thread } : {}),
      post,
    }));
  }
}
