/**
 * Markdown to HTML with every raw HTML tag escaped (`html: false`): problem statements and, later,
 * imported notes are data, never markup. markdown-it also refuses javascript: and data: links.
 */
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

export function renderMarkdown(source: string): string {
  return md.render(source);
}
