/**
 * Escapes text for a Markdown document (CommonMark and GitHub's dialect) so it reads as
 * typed: every ASCII punctuation character gets a backslash (which also breaks bare-URL
 * autolinks at their colon and dots), and &, < and > become entities, so text from an
 * alert or a person cannot make a link, an image, raw HTML, a heading or a table cell.
 * Line breaks become spaces: callers that keep lines escape each line.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[&<>]|[!-/:-@[-`{-~]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`));
}
