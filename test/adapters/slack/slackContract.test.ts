import { startSlackTestBot } from "../../helpers/slackBot.ts";
import { BOT_USER_ID, type SlackCall } from "../../helpers/slackStandIn.ts";
import { describeAdapterContract, type SeenReply } from "../contract.ts";

/** Every `text` field of a message's blocks, and its fallback text: what a person reads. */
function seen(call: SlackCall, isPrivate: boolean): SeenReply {
  const texts: string[] = [];
  const images: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      const record = node as Record<string, unknown>;
      if (record.type === "image" && typeof record.image_url === "string")
        images.push(record.image_url);
      if (typeof record.text === "string") texts.push(record.text);
      for (const value of Object.values(record)) if (typeof value === "object") walk(value);
    }
  };
  walk(call.body.blocks);
  return { text: texts.join("\n"), images, private: isPrivate };
}

let events = 0;

describeAdapterContract("slack", async () => {
  const bot = await startSlackTestBot();
  return {
    privateReplies: true,
    async command(text) {
      const from = bot.standIn.calls.length;
      await bot.command(text);
      const call = await bot.standIn.waitFor((c) => c.method === "response_url", 3000, from);
      return seen(call, call.body.response_type === "ephemeral");
    },
    async mention(text, thread) {
      events += 1;
      const ts = `1800000${events}.000300`;
      const from = bot.standIn.calls.length;
      await bot.mention({
        eventId: `EvC${events}`,
        ts,
        ...(thread ? { threadTs: thread } : {}),
        text: `<@${BOT_USER_ID}> ${text}`,
      });
      const call = await bot.standIn.waitFor((c) => c.method.startsWith("chat.post"), 3000, from);
      return { ...seen(call, call.method === "chat.postEphemeral"), thread: thread ?? ts };
    },
    close: () => bot.close(),
  };
});
