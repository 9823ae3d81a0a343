import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import manifestSchema from '../../../schemas/bundle-manifest.schema.json';
import sessionSchema from '../../../schemas/session.schema.json';
import eventSchema from '../../../schemas/event.schema.json';
import levelsSchema from '../../../schemas/levels.schema.json';
import { isValidPath, MAX_PATH_LENGTH } from '../files/paths';
import { BUNDLE_LIMITS, MAX_ENTRY_NAME_LENGTH } from './format';
import { bundleValidators, describeSchemaErrors } from './schemas';

describe('the published schemas', () => {
  it('are valid draft 2020-12 schemas (checked against the meta-schema, which the app skips at run time)', () => {
    const ajv = new Ajv2020({ strict: true });
    for (const schema of [manifestSchema, sessionSchema, eventSchema, levelsSchema])
      expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
  });

  it('name the field at fault in words', () => {
    const { session, eventOfType } = bundleValidators();
    expect(session({ problem: { id: 'x', title: 'X' } })).toBe(false);
    expect(describeSchemaErrors(session.errors)).toBe("the top level must have required property 'session'");
    const edit = eventOfType('edit')!;
    expect(edit({ t: 1, type: 'edit', file: 'solution.ts', changes: [{ offset: 0, deleteCount: 0, insert: 'a', extra: 1 }] })).toBe(false);
    expect(describeSchemaErrors(edit.errors)).toBe('/changes/0 must NOT have additional properties (“extra”)');
    expect(eventOfType('no-such-type')).toBeNull();
  });

  it('hold the limits format.ts and core/files/paths.ts enforce', () => {
    expect(manifestSchema.properties.files.maxItems).toBe(BUNDLE_LIMITS.maxEntries);
    expect(manifestSchema.properties.files.items.properties.path.maxLength).toBe(MAX_ENTRY_NAME_LENGTH);
    expect(eventSchema.$defs.file.maxLength).toBe(MAX_PATH_LENGTH);
  });

  it('accept the paths core/files/paths.ts allows, and no other', () => {
    const open = bundleValidators().eventOfType('file-open')!;
    const ok = (file: unknown) => open({ t: 0, type: 'file-open', file });
    for (const file of ['solution.py', 'chat/hub.ts', 'a b/c.d.ts', '__proto__', '.gitignore', 'x'.repeat(MAX_PATH_LENGTH)])
      expect([ok(file), isValidPath(file)], file).toEqual([true, true]);
    for (const file of [
      '',
      ' ',
      '/a.ts',
      'C:a.ts',
      'a\\b.ts',
      'a//b.ts',
      './a.ts',
      'a/../b.ts',
      'a/..',
      ' a.ts',
      'a.ts ',
      'a /b.ts',
      'a\u0007.ts',
      'x'.repeat(MAX_PATH_LENGTH + 1),
      3,
    ])
      expect([ok(file), isValidPath(file)], JSON.stringify(file)).toEqual([false, false]);
  });
});
