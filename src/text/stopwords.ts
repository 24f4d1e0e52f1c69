/**
 * Words that carry no topic: English function words plus the filler of chat questions
 * ("can someone explain what ... means", "tbh", "iirc"), and contractions typed without their
 * apostrophe ("whats", "arent"). They are dropped from the index and from queries,
 * so that coverage of a question is measured on its content words only.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are aren as at be because been before
being below between both but by can cannot could couldn did didn do does doesn doing don down during
each et al few for from further had hadn has hasn have haven having he her here hers herself him
himself his how i if in into is isn it its itself just let me more most my myself no nor not of off
on once only or other ought our ours ourselves out over own same shan she should shouldn so some such
than that the their theirs them themselves then there these they this those through to too under
until up very was wasn we were weren what when where which while who whom why will with won would
wouldn you your yours yourself yourselves s t d ll m re ve y
eg ie etc vs via
anyone someone somebody anybody explain explained explains tell describe described mean means meant
know please thanks thank question questions anything something thing things like get got use used
using uses say says said does work works working way ways idea
paper papers summary summaries tldr tl dr pls plz main core key gist overview basically arxiv
tbh imo imho iirc afaik afair btw fwiw idk thx tia ngl tho ofc smth sth lol ppl ur wdym nvm
arent couldnt didnt doesnt dont hadnt hasnt havent isnt shouldnt wasnt werent wouldnt cant wont
whats thats theres heres hows whos wheres whys im ive youre theyre weve`.split(/\s+/),
);
