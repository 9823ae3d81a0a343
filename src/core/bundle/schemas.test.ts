import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import manifestSchema from '../../../schemas/bundle-manifest.schema.json';
import sessionSchema from '../../../schemas/session.schema.json';
import eventSchema from '../../../schemas/event.schema.json';
import levelsSchema from '../../../schemas/levels.schema.json';
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
});
