/**
 * The mocha reporter of `npm run check:problems` (scripts/problems/mocha.ts): mocha's own JSON reporter's
 * `passes` and `failures`, plus each test's `titlePath` (its describe titles and its own, outermost first),
 * which the JSON reporter leaves out and a codebase problem's groups need (the top-level describe title).
 * Written to `--reporter-option output=<file>` when the run ends. CommonJS: mocha `require`s reporters.
 */
'use strict';

const fs = require('node:fs'); // eslint-disable-line @typescript-eslint/no-require-imports
const Mocha = require('mocha'); // eslint-disable-line @typescript-eslint/no-require-imports

const { EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_RUN_END } = Mocha.Runner.constants;

function record(test, err) {
  return {
    title: test.title,
    fullTitle: test.fullTitle(),
    titlePath: test.titlePath(),
    file: test.file,
    duration: test.duration,
    err: err ? { message: String((err && err.message) || err).slice(0, 500) } : undefined,
  };
}

class CheckReporter extends Mocha.reporters.Base {
  constructor(runner, options = {}) {
    super(runner, options);
    const output = options.reporterOption && options.reporterOption.output;
    if (!output) throw new Error('mochaReporter.cjs needs --reporter-option output=<file>');
    const passes = [];
    const failures = [];
    runner.on(EVENT_TEST_PASS, (test) => passes.push(record(test)));
    runner.on(EVENT_TEST_FAIL, (test, err) => failures.push(record(test, err)));
    runner.once(EVENT_RUN_END, () => fs.writeFileSync(output, JSON.stringify({ passes, failures })));
  }
}

module.exports = CheckReporter;
