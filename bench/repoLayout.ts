/**
 * Lays a corpus file out as notes kept in a Git repository often are: the paper's title as a
 * heading, "Authors: / Link: / Tags: / Year:" lines under it, and figures saved beside the notes
 * ("![Architecture](images/x.png)", or an HTML `<img>`). The notes themselves are untouched, so
 * the same questions should find the same answers: `npm run eval` asks the notes corpus laid out
 * so ("notes … (repo layout)") to show that the layout alone costs nothing.
 *
 * Varied by paper (a fixed hash of its id), as different people's templates are: an ATX or a
 * setext title, plain or bold keys, `*` or `-` bullets, Markdown or HTML images.
 */
import { parseDocument } from "yaml";

/** A small fixed hash of a string, to vary the layout by paper reproducibly. */
function hash(text: string): number {
  let h = 7;
  for (const char of text) h = (h * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return h;
}

/** The corpus file `source` (front matter and summary) in a notes repository's layout. */
export function inRepoLayout(source: string): string {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source);
  if (!match) return source;
  const [, front = "", body = ""] = match;
  const meta = parseDocument(front).toJS() as {
    id: string;
    title: string;
    authors: string[];
    year: number;
    url?: string;
  };
  const h = hash(meta.id);
  const bullet = h % 2 === 0 ? "*" : "-";
  const key = (name: string) => (h % 3 === 0 ? `**${name}:**` : `${name}:`);
  const title = h % 4 === 0 ? `${meta.title}\n${"=".repeat(meta.title.length)}` : `# ${meta.title}`;
  const metadata = [
    `${bullet} ${key("Authors")} ${meta.authors.join(", ")}`,
    `${bullet} ${key("Link")} ${meta.url ?? "https://example.org"}`,
    `${bullet} ${key("Tags")} Neural Network`,
    `${bullet} ${key("Year")} ${meta.year}`,
  ].join("\n");
  const file = `images/${meta.id.replace(/-/g, "_")}__architecture.png?raw=true`;
  const image =
    h % 5 < 3 ? `![Architecture](${file} "Architecture")` : `<img src="${file}" width="600">`;
  // The figure goes under the first bullet of the notes, nested as a sub-bullet.
  const lines = body.split("\n");
  const first = lines.findIndex((line) => /^\s*[-*+] \S/.test(line));
  if (first >= 0) {
    const indent = /^(\s*)/.exec(lines[first] ?? "")?.[1] ?? "";
    lines.splice(first + 1, 0, `${indent}  - ${image}`);
  }
  return `---\n${front}\n---\n\n${title}\n\n${metadata}\n\n${lines.join("\n").trim()}\n`;
}
