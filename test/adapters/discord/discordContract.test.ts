import {
  EPHEMERAL,
  embedImages,
  isVisibleMessage,
  messageOf,
  startDiscordTestBot,
  visibleText,
} from "../../helpers/discordBot.ts";
import type { RestCall } from "../../helpers/discordStandIn.ts";
import { describeAdapterContract, type SeenReply } from "../contract.ts";

function seen(call: RestCall): SeenReply {
  const flags = messageOf(call).flags ?? 0;
  return { text: visibleText(call), images: embedImages(call), private: (flags & EPHEMERAL) !== 0 };
}

describeAdapterContract("discord", async () => {
  const bot = await startDiscordTestBot();
  const { standIn } = bot;
  return {
    privateReplies: true,
    async command(text) {
      const from = standIn.calls.length;
      standIn.slashCommand({ query: text });
      return seen(await standIn.waitFor(isVisibleMessage, 3000, from));
    },
    async mention(text, thread) {
      const from = standIn.calls.length;
      standIn.messageCreate({ content: text, ...(thread ? { channelId: thread } : {}) });
      const call = await standIn.waitFor(isVisibleMessage, 3000, from);
      const channel = /^\/channels\/(\d+)\/messages$/.exec(call.path)?.[1] ?? "";
      return { ...seen(call), thread: channel };
    },
    close: () => bot.close(),
  };
});
