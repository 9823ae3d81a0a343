import { describe, expect, it } from 'vitest';
import { resolveProjectImport } from './projectResolve';

const files = new Set(['solution.ts', 'chat/hub.ts', 'chat/models.ts', 'chat/index.ts', 'util/index.ts', 'data.json', 'README.md']);
const exists = (path: string) => files.has(path);
const resolve = (specifier: string, importer: string | null) => resolveProjectImport(specifier, importer, exists);

describe('resolveProjectImport', () => {
  it('resolves relative paths as TypeScript does: with or without .ts, .js for .ts, a folder’s index.ts', () => {
    expect(resolve('./solution', null)).toEqual({ ok: true, path: 'solution.ts' });
    expect(resolve('./solution.ts', null)).toEqual({ ok: true, path: 'solution.ts' });
    expect(resolve('./solution.js', null)).toEqual({ ok: true, path: 'solution.ts' });
    expect(resolve('./models', 'chat/hub.ts')).toEqual({ ok: true, path: 'chat/models.ts' });
    expect(resolve('../util', 'chat/hub.ts')).toEqual({ ok: true, path: 'util/index.ts' });
    expect(resolve('./chat', null)).toEqual({ ok: true, path: 'chat/index.ts' });
    expect(resolve('../chat/./hub', 'util/index.ts')).toEqual({ ok: true, path: 'chat/hub.ts' });
    expect(resolve('../data.json', 'chat/hub.ts')).toEqual({ ok: true, path: 'data.json' });
  });

  it('says what is missing, what climbs out, and what is not a module', () => {
    expect(resolve('./store', 'chat/hub.ts')).toEqual({
      ok: false,
      message: 'Cannot find "./store" imported by chat/hub.ts: the project has no chat/store.ts or chat/store/index.ts.',
    });
    expect(resolve('../solution', null)).toMatchObject({ ok: false, message: expect.stringContaining('outside the project') });
    expect(resolve('../../x', 'chat/hub.ts')).toMatchObject({ ok: false, message: expect.stringContaining('outside the project') });
    expect(resolve('./README.md', null)).toMatchObject({ ok: false, message: expect.stringContaining('README.md is not a module') });
  });
});
