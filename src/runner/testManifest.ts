/**
 * The tests each problem's test files define, known at build time (scripts/vite/testManifestPlugin.ts runs
 * every examples.test.ts and hidden.test.ts through mocha's dry run against its reference). The runner
 * compares what a run reports with it (results/verifyRun.ts), so a run whose problem tests were skipped,
 * replaced or added to is not counted.
 *
 * Keyed by the test file's text (testFileKey), not by problem id: the runner receives the text, and a key
 * over the text cannot match a manifest built from a different version of the file.
 */

export interface ExpectedTest {
  /** Titles of the enclosing describe blocks, outermost first. */
  path: string[];
  title: string;
}

export interface ExpectedTests {
  problemId: string;
  file: 'examples.test.ts' | 'hidden.test.ts' | 'examples_test.py' | 'hidden_test.py';
  /** In mocha's run order. */
  tests: ExpectedTest[];
  /**
   * Tests the file itself skips (`it.skip`, `xit`, a test without a body, inside `describe.skip`): the only
   * skips a run may report. Absent when there are none (every problem today).
   */
  skipped?: ExpectedTest[];
}

export type TestManifest = Readonly<Record<string, ExpectedTests>>;

/**
 * A 53-bit hash of the text (cyrb53, by bryc, public domain) plus its length. Not a security boundary: the
 * text comes from our own build, never from user code; the key only has to tell our files apart.
 */
export function testFileKey(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return `${hash.toString(36)}-${text.length.toString(36)}`;
}

export function findExpected(manifest: TestManifest, testFileText: string): ExpectedTests | null {
  return manifest[testFileKey(testFileText)] ?? null;
}

/** One test's identity: its describe path and title. */
export function testKey(test: ExpectedTest): string {
  return JSON.stringify([...test.path, test.title]);
}
