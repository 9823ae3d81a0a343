import { describe, expect, it } from 'vitest';
import { buildSrcdoc, escapeInlineScript, SANDBOX_CSP } from './srcdoc';

describe('srcdoc', () => {
  it('puts the CSP before the inline script', () => {
    const html = buildSrcdoc('console.log(1)');
    expect(html.indexOf(SANDBOX_CSP)).toBeGreaterThan(0);
    expect(html.indexOf(SANDBOX_CSP)).toBeLessThan(html.indexOf('<script>'));
    expect(html).toContain('<script>console.log(1)</script>');
  });

  it('cannot be closed early by a </script> in the code', () => {
    const html = buildSrcdoc('const s = "</script><img src=x>";');
    expect(html.match(/<\/script>/gi)).toHaveLength(1);
    expect(escapeInlineScript('"</SCRIPT>"')).toBe('"<\\/SCRIPT>"');
  });

  it('allows no network: no connect-src, default none', () => {
    expect(SANDBOX_CSP).toContain("default-src 'none'");
    expect(SANDBOX_CSP).not.toContain('connect-src');
  });
});
