import { showTable } from "./display";

/**
 * Shows Markdown text (observation sentences, a summary block) as a Markdown display; the
 * exporter copies it into the report as is. A list of lines becomes a bullet list.
 */
export function showMarkdown(text: string | readonly string[]): void {
  showTable(typeof text === "string" ? text : text.map((line) => `- ${line}`).join("\n"));
}
