/** One sample of every event type survives an export and an import unchanged (types from the restorers' map). */
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { SESSION_EVENT_TYPES } from '../records/restoreEvent';
import { EVENT_SAMPLES, SAMPLE_FINAL_CODE, sampleLog } from '../records/testEventSamples';
import { bundleValidators } from './schemas';
import { buildBundle } from './buildBundle';
import { parseBundle } from './parseBundle';
import { fixtureSource } from './testFixture';

describe('every event type in a bundle', () => {
  it('has its own schema in event.schema.json, and no schema names a type the log does not have', () => {
    const { eventOfType } = bundleValidators();
    for (const type of SESSION_EVENT_TYPES) {
      const validate = eventOfType(type);
      expect(validate, `a $defs entry for '${type}' in schemas/event.schema.json`).not.toBeNull();
      expect(validate!(EVENT_SAMPLES[type]), `${type}: ${JSON.stringify(validate!.errors)}`).toBe(true);
    }
  });

  it('round-trips through buildBundle and parseBundle unchanged', async () => {
    const events = sampleLog();
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(SESSION_EVENT_TYPES));
    const zip = await buildBundle(fixtureSource({ events }));
    const files = unzipSync(zip);
    expect(Object.keys(files).filter((n) => n.startsWith('files/'))).toEqual(['files/solution.ts']);
    expect(new TextDecoder().decode(files['files/solution.ts'])).toBe(SAMPLE_FINAL_CODE);
    const parsed = await parseBundle(zip);
    expect(parsed.events).toEqual(events);
  });
});
