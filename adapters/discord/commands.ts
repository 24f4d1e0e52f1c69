/**
 * The `/paper` slash command as Discord registers it, and its autocomplete choices. Pure data:
 * `npm run register:discord` sends the definition; the adapter answers with the choices.
 * https://discord.com/developers/docs/interactions/application-commands
 */
import {
  type APIApplicationCommandOptionChoice,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { COMMAND_FORMS } from "../../src/answer/grammar.ts";
import type { PaperSuggestion } from "../../src/lookup/suggestPapers.ts";
import { MAX_QUERY_CHARS } from "../../src/retrieval/search.ts";
import { fitPlain } from "./fit.ts";

/** The command's name, as people type it. */
export const PAPER_COMMAND = "paper";
/** Its one option: a name, a question, `list`, `random` or `help`. */
export const QUERY_OPTION = "query";
/** A choice's name and value hold at most 100 characters. */
const CHOICE_MAX = 100;

/** The commands to register: `/paper query:`, in servers and in a DM with the bot. */
export function commandDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const forms = COMMAND_FORMS.filter((f) => f.usage.startsWith("/paper"))
    .map((f) => f.usage.replace("/paper ", ""))
    .join(", ");
  return [
    {
      name: PAPER_COMMAND,
      type: ApplicationCommandType.ChatInput,
      description: "Look up a paper the group summarized, or ask a question about them",
      integration_types: [ApplicationIntegrationType.GuildInstall],
      contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
      options: [
        {
          name: QUERY_OPTION,
          type: ApplicationCommandOptionType.String,
          description: fitPlain(`One of: ${forms}`, 100),
          required: false,
          autocomplete: true,
          // Discord counts as the person types; longer questions are refused anyway.
          max_length: MAX_QUERY_CHARS,
        },
      ],
    },
  ];
}

/**
 * Autocomplete choices for papers: the name that matched, then the title, as one line of at
 * most 100 characters; the value is the paper's id, which `/paper` looks up exactly.
 */
export function paperChoices(
  suggestions: readonly PaperSuggestion[],
): APIApplicationCommandOptionChoice<string>[] {
  return suggestions.map((s) => {
    const label = s.name === s.title ? s.title : `${s.name} · ${s.title}`;
    const value = s.id.length <= CHOICE_MAX ? s.id : s.name.slice(0, CHOICE_MAX);
    return { name: fitPlain(label, CHOICE_MAX), value };
  });
}
