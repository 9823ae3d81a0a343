import { describe, expect, it } from 'vitest';
import { rawMessageChecks } from './messageScan';

const lines = (source: string, language: 'typescript' | 'python') => rawMessageChecks(source, language).map((f) => f.line);

describe('rawMessageChecks in TypeScript', () => {
  it("finds chai's throw with a message argument, and matchers on a message", () => {
    const source = [
      "expect(() => f(), 'what').to.throw(RangeError, /capacity/);", // 1
      "expect(() => f()).to.throw('capacity');", // 2
      'expect(() => f()).to.throw(\n  TypeError,\n  /userId/,\n);', // 3-6
      "expect(err.message, 'names it').to.match(/job-42/);", // 7
      "expect(String((r.reason as Error).message)).to.include('closed');", // 8
      "const ok = e.message.includes('x');", // 9
      "const named = /\\bx\\b/.test(err.message);", // 10
    ].join('\n');
    expect(lines(source, 'typescript')).toEqual([1, 2, 3, 7, 8, 9, 10]);
  });

  it('accepts the helpers, throw without a message, and matchers on other values', () => {
    const source = [
      "import { expectThrow, expectMessage, messageHasPart } from 'rehearse-test';",
      "expectThrow(() => f(), RangeError, ['capacity'], 'what');",
      "expectMessage(err, ['unknown job', 'job-42']);",
      'expect(() => f()).to.throw(TypeError);',
      'expect(() => f()).not.to.throw();',
      "expect(events[0].message).to.deep.equal({ id: 1 });",
      "expect(err.name).to.equal('ChatError');",
      "expect(list).to.include('a');",
      "const ok = messageHasPart(e.message, 'x');",
      "// expect(err.message).to.match(/x/) in a comment is prose",
      "expect(err.message).to.be.a('string');",
    ].join('\n');
    expect(rawMessageChecks(source, 'typescript')).toEqual([]);
  });

  it('says what to use instead, with the line and the text', () => {
    const [found] = rawMessageChecks("\n\nexpect(err.message).to.match(/x/);", 'typescript');
    expect(found).toEqual({
      line: 3,
      text: 'expect(err.message).to.match(/x/);',
      why: "a chai matcher on a message; use expectThrow / expectRejection / expectMessage from 'rehearse-test'",
    });
  });
});

describe('rawMessageChecks in Python', () => {
  it('finds assertIn / assertRegex on str(error), a message variable or .exception, and re on a message', () => {
    const source = [
      'self.assertIn("capacity", str(caught.exception), "names it")', // 1
      'self.assertIn("job-42", message)', // 2
      'test.assertRegex(str(err), r"\\b7\\b")', // 3
      'with self.assertRaisesRegex(ValueError, "capacity"):', // 4
      '    pass',
      'self.assertTrue(re.search(r"\\b250\\b", str(error)))', // 6
      'named = re.search(rf"\\b{bad}\\b", str(err))', // 7
      'self.assertIn(\n    "x",\n    str(cm.exception).lower(),\n)', // 8-11
    ].join('\n');
    expect(lines(source, 'python')).toEqual([1, 2, 3, 4, 6, 6, 7, 8]);
  });

  it('accepts assertMessage and assertIn on other values', () => {
    const source = [
      'self.assertMessage(caught.exception, "capacity", msg="names it")',
      "self.assertIn('s3', receivers, 's3 owns nothing')",
      "self.assertNotIn(key, cache.keys())",
      '# self.assertIn("x", str(e)) in a comment',
      "self.assertEqual(type(err).__name__, 'QuorumError')",
    ].join('\n');
    expect(rawMessageChecks(source, 'python')).toEqual([]);
  });
});
