/**
 * "echo", a test-only chat platform: one folder and nothing else, proving that a new platform
 * needs no change anywhere in the tree. Its service is the in-memory {@link EchoServer}.
 */
import type { Digest } from "../../../src/digest/digest.ts";
import type { Inline, Outline } from "../../../src/outline/outline.ts";
import { digestOutline, outlineOf } from "../../../src/outline/outlineOf.ts";
import { handle } from "../../../src/pipeline/handle.ts";
import { ConfigError, type Env, read, required } from "../../../src/platform/env.ts";
import { definePlatform } from "../../../src/platform/platform.ts";
import { type EchoEvent, type EchoPayload, EchoServer } from "./echoServer.ts";

/** How to reach an echo service. */
export interface EchoConfig {
  /** The service's name (`ECHO_SERVER`). */
  server: string;
  /** The bot's token (`ECHO_TOKEN`), a secret. */
  token: string;
}

/** Echo tokens: `echo-` and at least eight letters or digits. */
const TOKEN = /\becho-[A-Za-z0-9]{8,}\b/g;

function readEchoConfig(env: Env): EchoConfig | undefined {
  if (!read(env, "ECHO_TOKEN") && !read(env, "ECHO_SERVER")) return undefined;
  const token = required(env, "ECHO_TOKEN", "the echo platform needs the bot's token");
  if (!/^echo-[A-Za-z0-9]{8,}$/.test(token)) {
    throw new ConfigError("ECHO_TOKEN", 'is malformed: it should start with "echo-"');
  }
  return { server: required(env, "ECHO_SERVER", "which echo service to join"), token };
}

/** Words with nothing that pings: mentions broken by a word joiner, `<!…>` markup spelled out. */
function unping(text: string): string {
  return text.replace(/@(here|channel|everyone)/gi, "@\u2060$1").replace(/<!/g, "‹!");
}

function words(content: readonly Inline[]): string {
  return content
    .map((part) => {
      if (typeof part === "string") return unping(part);
      if ("text" in part) return unping(part.text);
      if ("strong" in part) return unping(part.strong);
      if ("code" in part) return `\`${part.code}\``;
      if ("paper" in part) return `${unping(part.paper.title)} <${part.paper.url}>`;
      return `"${unping(part.quote)}"`;
    })
    .join("");
}

/** The outline as lines of text and a list of images: all this platform can show. */
function toEcho(outline: Outline): EchoPayload {
  const lines: string[] = [];
  const images: string[] = [];
  for (const block of outline.blocks) {
    switch (block.type) {
      case "paper":
        lines.push(`${unping(block.paper.title)} <${block.paper.url}>`, words(block.body));
        if (block.figure) images.push(block.figure.url);
        break;
      case "list":
        if (block.heading) lines.push(unping(block.heading));
        lines.push(...block.items.map((item) => `- ${words(item)}`));
        break;
      case "commands":
        lines.push(...block.commands.map((c) => `${c.usage}: ${unping(c.description)}`));
        break;
      case "heading":
        lines.push(unping(block.text));
        break;
      default:
        lines.push(words(block.content));
    }
  }
  return { text: lines.join("\n"), images };
}

/** The echo platform. */
export const echo = definePlatform<EchoConfig, "echo">({
  name: "echo",
  title: "Echo",
  settings: {
    read: readEchoConfig,
    enabledBy: "ECHO_TOKEN",
    secretVariables: ["ECHO_TOKEN"],
    secretsOf: (config) => [config.token],
    tokenPatterns: [TOKEN],
  },
  ids: { channel: /^[a-z][a-z0-9-]*$/, channelExample: "general" },
  createAdapter({ core, config, logger }) {
    const log = logger.child({ adapter: "echo" });
    const server = EchoServer.named(config.server);
    const onEvent = (event: EchoEvent): void => {
      const thread = event.kind === "mention" ? (event.thread ?? event.id) : undefined;
      const place = { platform: "echo", channelId: event.channel, scope: "echo" };
      void handle(
        {
          via: event.kind === "command" ? "command" : "mention",
          text: event.text,
          ...(thread ? { thread: `echo:${thread}` } : {}),
          place,
          label: event.kind === "command" ? "/paper" : "a mention",
        },
        {
          core,
          log,
          transport: {
            send: async (reply) => {
              const payload = { ...toEcho(outlineOf(reply)), private: reply.audience === "asker" };
              if (event.kind === "command") event.respond(payload);
              else event.post({ ...payload, ...(thread ? { thread } : {}) });
            },
            fail: async (text) => {
              const payload = { text, images: [], private: true };
              if (event.kind === "command") event.respond(payload);
              else event.post(payload);
            },
          },
        },
      );
    };
    return {
      name: "echo",
      async start() {
        server.connect(onEvent);
      },
      async stop() {
        server.disconnect();
      },
    };
  },
  render: (reply) => toEcho(outlineOf(reply)),
  digest: {
    publisher: (config) => ({
      platform: "echo",
      scopeOf: async () => "echo",
      async post(channelId, digest: Digest) {
        const server = EchoServer.named(config.server);
        return { messageId: `${server.name}:${channelId}:${digest.period}` };
      },
    }),
    render: (digest) => toEcho(digestOutline(digest)),
  },
});
