import { describe, expect, it } from 'vitest';
import { editorLanguageOfPath, languageOfPath } from './registry';

describe('the language of a path', () => {
  it('is the registry language whose extension the path has', () => {
    expect(languageOfPath('chat/hub.ts')).toBe('typescript');
    expect(languageOfPath('chat/hub.py')).toBe('python');
    expect(languageOfPath('README.md')).toBeNull();
  });

  it('gives the editor a language for every path', () => {
    expect(editorLanguageOfPath('chat/hub.ts')).toBe('typescript');
    expect(editorLanguageOfPath('solution.py')).toBe('python');
    expect(editorLanguageOfPath('docs/README.MD')).toBe('markdown');
    expect(editorLanguageOfPath('data.json')).toBe('plaintext');
  });
});
