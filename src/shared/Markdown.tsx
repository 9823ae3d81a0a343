import { useMemo } from 'react';
import { renderMarkdown } from './markdown';

/** Renders Markdown whose HTML has been escaped by renderMarkdown, so injecting it is safe. */
export function Markdown({ source, className = '' }: { source: string; className?: string }) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  return <div className={`prose-rehearse ${className}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
