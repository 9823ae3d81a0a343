/**
 * The screen (screen.py) under CPython: how it reports, and that ordinary candidate code, every problem's
 * reference and starter included, has no finding. The attacks, by rule family, are in screen.*.test.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { leavesAlone, py, screened, type Ordinary } from './screenCases';

const PROBLEMS_DIR = path.join(import.meta.dirname, '..', '..', '..', 'problems');

const ORDINARY: Ordinary[] = [
  [
    'f-strings, string methods, comprehensions, exceptions, properties and a generator',
    py`
      from enum import Enum
      from functools import lru_cache, total_ordering, wraps


      class State(Enum):
          OPEN = "open"
          CLOSED = "closed"


      class Breaker:
          def __init__(self, threshold: int):
              self.state = State.CLOSED
              self.failures = 0
              self.threshold = threshold

          @property
          def open(self) -> bool:
              return self.state is State.OPEN

          def record(self, ok: bool) -> None:
              self.failures = 0 if ok else self.failures + 1
              if self.failures >= self.threshold:
                  self.state = State.OPEN

          def describe(self) -> str:
              width = 8
              return f"{self.state.value:>{width}} after {self.failures!r} failures ({type(self).__name__})"


      def logged(fn):
          @wraps(fn)
          def inner(*args, **kwargs):
              try:
                  return fn(*args, **kwargs)
              except (KeyError, ValueError) as error:
                  raise RuntimeError(f"{fn.__name__} failed: {error}") from error
          return inner


      @lru_cache(maxsize=None)
      def fib(n: int) -> int:
          return n if n < 2 else fib(n - 1) + fib(n - 2)


      def chunks(items, size):
          for start in range(0, len(items), size):
              yield items[start : start + size]


      squares = {n: n * n for n in range(5)}
      evens = [n for n in squares if n % 2 == 0]
    `,
  ],
  [
    'classes from asyncio and json that are only looked at, raised or called',
    py`
      import asyncio
      import json
      import unittest
      from dataclasses import dataclass, field


      @dataclass
      class Channel:
          queue: asyncio.Queue = field(default_factory=asyncio.Queue)
          closed: asyncio.Event = field(default_factory=asyncio.Event)


      async def first(tasks):
          done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
          return isinstance(next(iter(done)), (asyncio.Future, asyncio.Task)), pending


      def parse(text):
          try:
              return json.loads(text)
          except (json.JSONDecodeError, asyncio.TimeoutError):
              return None


      class ChannelTests(unittest.TestCase):
          def test_bad_json(self):
              with self.assertRaises(json.JSONDecodeError):
                  json.loads("{")
              self.assertIsInstance(Channel().queue, asyncio.Queue)
    `,
  ],
  [
    'debugging output: traceback.print_exc, logging, warnings.warn',
    py`
      import logging
      import traceback
      import warnings

      log = logging.getLogger(__name__)
      logging.basicConfig(level=logging.INFO)


      def risky(fn):
          try:
              return fn()
          except Exception:
              traceback.print_exc()
              log.exception("fn failed")
              warnings.warn("falling back", RuntimeWarning, stacklevel=2)
              return None
    `,
  ],
  [
    'a match statement with class patterns',
    py`
      from dataclasses import dataclass


      @dataclass
      class Request:
          path: str
          method: str = "GET"


      def route(request):
          match request:
              case Request(path="/", method="GET"):
                  return "home"
              case Request(path=path, method=method) if method in ("POST", "PUT"):
                  return f"write {path}"
              case {"path": path}:
                  return path
              case _:
                  return None
    `,
  ],
  [
    'a local named like a built-in, and a docstring that mentions the test harness',
    py`
      # -*- coding: utf-8 -*-
      def parse(tokens):
          """Parses the tokens the way the test harness expects."""
          vars = {}
          compile = str.upper
          for token in tokens:
              vars[token] = compile(token)
          return vars
    `,
  ],
];

function problemFiles(): [string, string][] {
  const ids = readdirSync(PROBLEMS_DIR).filter((id) => existsSync(path.join(PROBLEMS_DIR, id, 'reference.py')));
  return ids.flatMap((id) =>
    ['reference.py', 'starter.py'].map(
      (file) => [`${id}/${file}`, readFileSync(path.join(PROBLEMS_DIR, id, file), 'utf8')] as [string, string],
    ),
  );
}

describe('screen', () => {
  const { findings, json } = screened([
    'x = sys._getframe\nimport gc\nimport sys', // sorted findings, screen_json
    'def broken(:\n    import gc', // a syntax error is for the import to report
    'import sys\nx = sys._getframe()', // the message names the line
  ]);

  it('reports findings sorted by position, as JSON too', () => {
    expect(findings(0).map((f) => [f.line, f.rule])).toEqual([
      [1, 'frames'],
      [2, 'object-graph'],
    ]);
    expect(JSON.parse(json())).toEqual(findings(0));
  });

  it('leaves a syntax error to the import', () => {
    expect(findings(1)).toEqual([]);
  });

  it('tells the candidate the line, the thing, why, and what to do instead', () => {
    const [finding] = findings(2);
    expect(finding).toMatchObject({ line: 2, col: 4, rule: 'frames' });
    expect(finding!.message).toMatch(
      /^line 2: `sys\._getframe` reaches running frames.*Rehearse cannot count a run that could rewrite its own verdict\. Remove it/,
    );
  });

  describe('leaves ordinary code alone', () => {
    leavesAlone(ORDINARY);
  });

  describe("leaves every problem's reference and starter alone", () => {
    leavesAlone(problemFiles().map(([file, source]) => [`problems/${file}`, source]));
  });
});
