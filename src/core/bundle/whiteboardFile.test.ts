import Ajv2020 from 'ajv/dist/2020';
import { strFromU8, unzipSync } from 'fflate';
import sessionSchema from '../../../schemas/session.schema.json';
import { BUNDLE_FORMAT_VERSION } from './format';
import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../session/types';
import { arrow, rect, text } from '../whiteboard/testElements';
import { buildBundle } from './buildBundle';
import { parseBundle } from './parseBundle';
import { legacyFiles, rezipSigned } from './testBundles';
import { fixtureSource } from './testFixture';
import { EXCALIDRAW_FILE, WHITEBOARD_FILE } from './whiteboardFile';

function designSource() {
  const source = fixtureSource();
  const a = rect('a', 0, 0);
  const added: SessionEvent[] = [
    { t: 3_000, type: 'board', elements: [], full: true },
    { t: 3_100, type: 'board', elements: [a] },
    { t: 3_200, type: 'board', elements: [rect('b', 200, 0), arrow('ab', [120, 30], [200, 30]), text('label', 10, 10, 'API <gateway>')] },
    { t: 3_300, type: 'board', elements: [{ ...a, version: 2, isDeleted: true }] },
    { t: 3_400, type: 'scratchpad-run', outcome: 'completed', output: ['writes, average: 5.8k links/s'] },
  ];
  const events = [...source.events, ...added].sort((x, y) => x.t - y.t);
  return {
    ...source,
    session: { ...source.session, problemId: 'design-url-shortener', protocolId: 'design-45' },
    problemKind: 'design',
    events,
  };
}

describe('a design session in a bundle (format 2)', () => {
  it('round-trips the board and the scratchpad runs, and carries the final board as SVG', async () => {
    const source = designSource();
    const bytes = await buildBundle(source);
    const files = unzipSync(bytes);
    const svg = strFromU8(files[WHITEBOARD_FILE]!);
    // The deleted box is gone; the other box, the arrow and the (escaped) label are there.
    expect(svg.match(/data-element="rectangle"/g)).toHaveLength(1);
    expect(svg).toContain('data-element="arrow"');
    expect(svg).toContain('API &lt;gateway&gt;');
    // The same final board as an Excalidraw scene.
    const scene = JSON.parse(strFromU8(files[EXCALIDRAW_FILE]!));
    expect(scene).toMatchObject({ type: 'excalidraw', version: 2, files: {} });
    expect(scene.elements.map((e: { id: string }) => e.id).sort()).toEqual(['ab', 'b', 'label']);
    const report = strFromU8(files['report.md']!);
    expect(report).toContain(`![The final whiteboard](${WHITEBOARD_FILE})`);
    expect(report).toMatch(/Whiteboard: 3 changes; 1 boxes and 1 arrows at the end/);
    expect(report).toMatch(/Drew the architecture on the whiteboard: \*\*met\*\*/);

    const parsed = await parseBundle(bytes);
    expect(parsed.manifest.formatVersion).toBe(BUNDLE_FORMAT_VERSION);
    expect(parsed.events.filter((e) => e.type === 'board')).toEqual(source.events.filter((e) => e.type === 'board'));
    expect(parsed.events.find((e) => e.type === 'scratchpad-run')).toEqual({
      t: 3_400,
      type: 'scratchpad-run',
      outcome: 'completed',
      output: ['writes, average: 5.8k links/s'],
    });
  });

  it('summarises a design session by its own measures only, in report.md and session.json', async () => {
    const files = unzipSync(await buildBundle(designSource()));
    const report = strFromU8(files['report.md']!);
    expect(report).toContain('- Kind: system design');
    expect(report).toContain('## Design readiness');
    expect(report).toMatch(/Estimates: 1 of 1 scratchpad runs printed results/);
    expect(report).toContain('writes, average: 5.8k links/s');
    // No coding measure, no language, no scratchpad named as if it were the answer.
    for (const coding of [
      'Language:',
      'Tested after every function',
      'Edge cases listed',
      'Submits',
      '## Readiness',
      'solution.ts',
      '| Item | Score |',
    ])
      expect(report).not.toContain(coding);
    const session = JSON.parse(strFromU8(files['session.json']!));
    expect(session.facts).toMatchObject({ kind: 'design', estimatesRun: 1, scratchpadRuns: 1 });
    expect(session.readiness.map((i: { id: string }) => i.id)).toContain('thought-aloud');
    const validate = new Ajv2020({ strict: true, allErrors: true }).compile(sessionSchema);
    expect(validate(session), JSON.stringify(validate.errors)).toBe(true);
  });

  it('has no whiteboard.svg and no design section for a coding session', async () => {
    const files = unzipSync(await buildBundle(fixtureSource()));
    expect(files[WHITEBOARD_FILE]).toBeUndefined();
    expect(files[EXCALIDRAW_FILE]).toBeUndefined();
    expect(strFromU8(files['report.md']!)).not.toContain('## Whiteboard');
  });

  it('still reads a format 1 bundle', async () => {
    const v1 = await rezipSigned(await legacyFiles(fixtureSource()), 1);
    expect((await parseBundle(v1)).manifest.formatVersion).toBe(1);
  });

  it('refuses a board event with an element of a kind it does not know', async () => {
    const source = designSource();
    source.events.push({ t: 9_000, type: 'board', elements: [{ ...rect('x', 0, 0), type: 'image' as 'rectangle' }] });
    await expect(parseBundle(await buildBundle(source))).rejects.toThrow(/events\.jsonl/);
  });
});
