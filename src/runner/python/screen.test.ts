/**
 * The screen (screen.py) under CPython: every attack snippet has a finding of its rule, and ordinary candidate
 * code, every problem's reference and starter included, has none. All sources go to one python3 process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

interface Finding {
  line: number;
  col: number;
  rule: string;
  message: string;
}

const HERE = import.meta.dirname;
const PROBLEMS_DIR = path.join(HERE, '..', '..', '..', 'problems');

// Reads a JSON list of sources on stdin; prints the findings of each, and screen_json of the first.
const DRIVER = `
import json, sys
sys.path.insert(0, sys.argv[1])
import screen
sources = json.load(sys.stdin)
print(json.dumps({"findings": [screen.screen(s) for s in sources], "json": screen.screen_json(sources[0])}))
`;

/** Python source from an indented template literal: the common indentation and the first newline go. */
function py(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = String.raw({ raw: strings }, ...values).replace(/^\n/, '');
  const lines = text.split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

// [rule, what the attack does, source]
const ATTACKS: [string, string, string][] = [
  // Imports
  ['runner', 'imports the harness', 'import harness'],
  ['runner', 'imports a name from the hidden tests', 'from hidden_test import HiddenTests'],
  ['runner', 'imports the example tests under another name', 'import examples_test as e'],
  ['runner', 'imports the screen itself', 'from screen import screen'],
  ['object-graph', 'imports gc', 'import gc\nfor o in gc.get_objects(): pass'],
  ['object-graph', 'imports ctypes from a package path', 'from ctypes import pythonapi'],
  ['loader', 'imports importlib.util', 'import importlib.util'],
  ['loader', 'reloads a module through importlib', 'from importlib import reload'],
  ['loader', 'imports pkgutil', 'import pkgutil'],
  ['loader', 'imports runpy', 'import runpy'],
  ['loader', 'imports logging.config, which resolves names', 'from logging import config'],
  ['code-from-data', 'imports pickle', 'import pickle'],
  ['code-from-data', 'imports marshal', 'import marshal'],
  ['code-from-data', 'imports code', 'import code'],
  ['builtins', 'imports builtins to replace a built-in', 'import builtins\nbuiltins.len = lambda x: 0'],
  ['host', 'imports js', 'import js'],
  ['host', 'imports pyodide.ffi', 'from pyodide.ffi import to_js'],
  ['private', 'imports _thread', 'import _thread'],
  ['private', 'imports a private submodule', 'from unittest._log import _CapturingHandler'],
  ['private', 'imports a private name', 'from threading import _shutdown as s'],
  ['tracing', 'imports trace', 'import trace'],
  ['file-system', 'imports os to rewrite the hidden tests', 'import os'],
  ['file-system', 'imports pathlib', 'from pathlib import Path'],
  ['star-import', 'star-imports sys', 'from sys import *'],
  ['file-system', 'reaches os through logging', 'import logging\nlogging.os.remove("hidden_test.py")'],
  ['file-system', 'reads source lines through inspect.linecache', 'import inspect\nlines = inspect.linecache.getlines("x")'],
  ['file-system', 'imports linecache from inspect', 'from inspect import linecache'],
  ['builtins', "reaches builtins through enum's alias", 'import enum\nb = enum.bltns'],
  [
    'dynamic-code',
    'compiles through a module that holds builtins',
    'import dataclasses\nc = dataclasses.builtins.compile("1", "f", "eval")',
  ],
  ['dynamic-code', 'builds a code object', 'import types\nmake = types.CodeType'],
  ['import-state', "reads sys.modules through unittest.case's sys", 'import unittest.case\nm = unittest.case.sys.modules'],
  ['namespace', 'reads locals()', 'x = locals()'],
  ['always-equal', 'returns mock.ANY as an answer', 'from unittest.mock import ANY\ndef top_k(items, k):\n    return [ANY] * k'],
  ['always-equal', 'defines an __eq__ that is always True', 'class Answer(list):\n    def __eq__(self, other):\n        return True'],
  ['always-equal', 'defines __contains__ as a constant lambda', 'class Everything:\n    __contains__ = lambda self, item: True'],
  // Built-in names
  ['dynamic-code', 'calls eval', 'x = eval("1 + 1")'],
  ['dynamic-code', 'calls exec', 'exec("import gc")'],
  ['dynamic-code', 'compiles source', 'c = compile("x", "f", "eval")'],
  ['dynamic-code', 'aliases __import__', 'imp = __import__'],
  ['tracing', 'calls breakpoint', 'breakpoint()'],
  ['namespace', 'reads globals()', 'g = globals()'],
  ['namespace', 'reads vars() of a module', 'import json\nv = vars(json)'],
  ['dynamic-attribute', 'calls getattr with a computed name', 'def f(o, n):\n    return getattr(o, n)'],
  ['dynamic-attribute', 'aliases getattr', 'g = getattr'],
  ['dynamic-attribute', 'calls setattr with a computed name', 'def f(o, n, v):\n    setattr(o, "_" + n, v)'],
  ['dynamic-attribute', 'hands hasattr to map', 'found = list(map(hasattr, [1], ["real"]))'],
  ['dynamic-attribute', 'uses operator.attrgetter', 'import operator\nget = operator.attrgetter("x")'],
  ['dynamic-attribute', 'imports methodcaller', 'from operator import methodcaller'],
  ['dynamic-attribute', 'uses string.Formatter', 'import string\nf = string.Formatter()'],
  ['file-system', 'opens a file', 'open("solution.py").read()'],
  ['loader', 'calls help on a module name', 'help("modules")'],
  // Frames, tracing, import state
  ['frames', 'calls sys._getframe', 'import sys\nf = sys._getframe(1)'],
  ['frames', 'imports _getframe from sys', 'from sys import _getframe'],
  ['frames', 'walks f_back', 'def f(frame):\n    return frame.f_back.f_locals'],
  ['frames', 'reads a traceback frame', 'def f(tb):\n    return tb.tb_frame'],
  ['frames', 'reads a generator frame', 'def f(g):\n    return g.gi_frame'],
  ['frames', 'calls sys.exc_info', 'import sys\ninfo = sys.exc_info()'],
  ['frames', 'calls sys.exception', 'import sys\ne = sys.exception()'],
  ['frames', 'calls inspect.stack', 'import inspect\ns = inspect.stack()'],
  ['frames', 'calls inspect.currentframe', 'import inspect\nf = inspect.currentframe()'],
  ['frames', 'imports inspect.trace', 'from inspect import trace'],
  ['frames', 'calls inspect.getmodule to reach builtins', 'import inspect\nm = inspect.getmodule(print)'],
  ['frames', 'lists every asyncio task', 'import asyncio\nts = asyncio.all_tasks()'],
  ['frames', 'gets a task coroutine', 'def f(t):\n    return t.get_coro()'],
  ['frames', 'walks the stack with traceback', 'import traceback\nfor f, n in traceback.walk_stack(None): pass'],
  [
    'frames',
    'captures locals in a traceback',
    'import traceback\ndef f(e):\n    return traceback.TracebackException.from_exception(e, capture_locals=True)',
  ],
  ['frames', 'reads sys.last_value', 'import sys\nv = sys.last_value'],
  ['frames', 'reads frame attributes through a format string', 'def f(fr):\n    return "{0.f_back.f_locals}".format(fr)'],
  ['tracing', 'installs a signal handler, which is given the running frame', 'import signal\nsignal.signal(signal.SIGALRM, print)'],
  ['module-escape', 'hands TestCase on through a generator', 'import unittest\nnext(c for c in [unittest.TestCase]).run = None'],
  ['tracing', 'calls sys.settrace', 'import sys\nsys.settrace(lambda *a: None)'],
  ['tracing', 'calls threading.settrace', 'import threading\nthreading.settrace(print)'],
  ['tracing', 'calls sys.setprofile via an alias', 'import sys as s\ns.setprofile(None)'],
  ['tracing', 'uses sys.monitoring', 'import sys\nsys.monitoring.use_tool_id(0, "x")'],
  ['tracing', 'adds an audit hook', 'import sys\nsys.addaudithook(print)'],
  ['object-graph', 'reaches gc.get_referrers through a name', 'def f(g, x):\n    return g.get_referrers(x)'],
  ['import-state', 'reads sys.modules', 'import sys\nh = sys.modules["harness"]'],
  ['import-state', 'adds an import hook on sys.meta_path', 'import sys\nsys.meta_path.insert(0, object())'],
  ['import-state', 'imports modules from sys', 'from sys import modules'],
  ['import-state', 'changes sys.path', 'import sys\nsys.path.insert(0, "/tmp")'],
  // Dunders
  ['dunder', 'reads __globals__', 'def f():\n    pass\ng = f.__globals__'],
  ['dunder', 'walks __subclasses__', 'subs = object.__subclasses__()'],
  ['dunder', 'reads __builtins__', 'b = __builtins__'],
  ['dunder', 'reads __dict__', 'class A:\n    pass\nd = A.__dict__'],
  ['dunder', 'reads __self__ of a built-in', 'b = print.__self__'],
  ['dunder', 'reads __traceback__', 'def f(e):\n    return e.__traceback__'],
  ['dunder', 'reads __code__', 'def f():\n    pass\nc = f.__code__'],
  ['dunder', 'names a dunder in a string', 'name = "__glob" "als__"'],
  ['dunder', 'names a dunder in an f-string', 'def f(x):\n    return f"__mro__{x}"'],
  ['dunder', 'names a dunder in bytes', 'name = b"__subclasses__"'],
  ['dunder', 'reaches __loader__', 'data = __loader__'],
  ['dunder', 'defines __reduce__', 'class A:\n    def __reduce__(self):\n        return (print, ())'],
  ['dunder', 'reads __wrapped__', 'def f(g):\n    return g.__wrapped__'],
  ['dunder', 'reads __dict__ through a match pattern', 'def f(o):\n    match o:\n        case object(__dict__=d):\n            return d'],
  ['frames', 'reads f_back through a match pattern', 'def f(o):\n    match o:\n        case object(f_back=b):\n            return b'],
  ['import-state', 'hides sys.modules in a string annotation', 'import sys\ndef f(x: "sys.modules"):\n    pass'],
  ['dunder', 'hides code in a string annotation', 'import functools\ndef f(x: "__import__(\'gc\')"):\n    pass'],
  ['set-attribute', 'reaches type.__setattr__', 'import unittest\ntype.__setattr__(unittest.TestCase, "run", None)'],
  ['set-attribute', 'calls object.__setattr__ on another object', 'def f(o):\n    object.__setattr__(o, "x", 1)'],
  ['set-attribute', 'passes __delattr__ to getattr', 'def f(o):\n    return getattr(o, "__delattr__")'],
  ['set-attribute', 'changes the class of a clock the tests hand in', 'def limiter(clock):\n    type(clock).now = lambda self: 0'],
  ['set-attribute', 'swaps the class of an object the tests hand in', 'def f(event):\n    event.__class__ = dict'],
  [
    'set-attribute',
    'changes a class held in a name, from type() of an object handed in',
    'def f(clock):\n    T = type(clock)\n    T.__call__ = None',
  ],
  ['patch', 'changes TestCase through type() of an instance', 'import unittest\nt = type(unittest.TestCase())\nt.run = None'],
  ['patch', "changes every class in TestCase's mro()", 'import unittest\nfor k in type(unittest.TestCase()).mro():\n    k.run = None'],
  ['patch', 'changes asyncio.Queue through type() of a queue', 'import asyncio\ndef f():\n    q = asyncio.Queue()\n    type(q).put = None'],
  [
    'mock-target',
    'keeps a patch target into unittest in a variable',
    'from unittest import mock\nt = "unittest.TestCase.run"\nmock.patch(t).start()',
  ],
  ['dynamic-attribute', 'patches a target held in a variable', 'from unittest import mock\ndef f(t):\n    mock.patch(t).start()'],
  // Patching modules
  ['patch', 'replaces TestCase.run through an import', 'import unittest\nunittest.TestCase.run = lambda self, r=None: None'],
  ['patch', 'replaces an assert method of a from-imported TestCase', 'from unittest import TestCase\nTestCase.assertEqual = print'],
  ['patch', 'replaces time.time at module level', 'import time\ntime.time = lambda: 1000'],
  ['patch', 'deletes a json encoder constant', 'import json.encoder\ndel json.encoder.INFINITY'],
  ['runner-internals', 'replaces the json C encoder', 'import json.encoder\njson.encoder.c_make_encoder = None'],
  ['patch', 'adds to a module attribute with +=', 'import asyncio\nasyncio.x += 1'],
  ['patch', 'replaces through an alias', 'import unittest\nT = unittest.TestCase\nT.run = None'],
  [
    'patch',
    'replaces through an alias defined after the function',
    'def f():\n    T.run = None\nimport unittest\nT = [unittest.TestCase][0]',
  ],
  ['patch', 'replaces through a walrus alias', 'import unittest\nif (T := unittest.TestCase):\n    T.run = None'],
  ['patch', 'replaces through a class attribute', 'import unittest\nclass A:\n    T = unittest.TestCase\nA.T.run = None'],
  [
    'patch',
    'replaces through an attribute of its own object',
    'import unittest\nclass A:\n    def __init__(self):\n        self.t = unittest.TestCase\n    def f(self):\n        self.t.run = None',
  ],
  [
    'patch',
    'replaces through a global set in a function',
    'import unittest\ndef f():\n    global T\n    T = unittest.TestCase\nf()\nT.run = None',
  ],
  [
    'patch',
    'replaces asyncio even in its own test',
    'import asyncio, unittest\nclass T(unittest.TestCase):\n    def test_a(self):\n        asyncio.sleep = None',
  ],
  ['patch', 'setattr on a module with a literal', 'import random\nsetattr(random, "random", lambda: 0.5)'],
  ['patch', 'changes a module dict in place', 'from json.encoder import ESCAPE_DCT as E\nE.update({})'],
  [
    'patch',
    'patches unittest even in its own test',
    'import unittest\nclass T(unittest.TestCase):\n    def test_a(self):\n        unittest.TestCase.run = None',
  ],
  ['patch', 'starts a time patch outside a test', 'from unittest.mock import patch\npatch("time.time", return_value=0).start()'],
  ['runner-internals', 'reaches unittest _Outcome', 'import unittest\ndef f(m):\n    return m._Outcome'],
  ['runner-internals', 'reaches json _default_encoder', 'import json\ne = json._default_encoder'],
  ['frames', 'takes the running task, which may be a hidden test', 'import asyncio\nasync def f():\n    return asyncio.current_task()'],
  ['runner-internals', "closes a task's coroutine", 'def f(task):\n    task._coro.close()'],
  [
    'runner-internals',
    "reads the event loop's ready queue",
    'import asyncio\nasync def f():\n    return asyncio.get_running_loop()._ready',
  ],
  ['runner-internals', 'reaches the console emit', 'import logging\ndef f(h):\n    h.stream._emit({"type": "test-end"})'],
  ['private', 'reaches a private module attribute', 'import sys\nx = sys._xoptions'],
  ['module-escape', 'hands the sys module to a function', 'import sys\ndef f(m):\n    return m\nf(sys)'],
  ['module-escape', 'aliases json.encoder', 'import json\nenc = json.encoder'],
  ['module-escape', 'hands the time module to a function', 'import time\ndef f(m):\n    m.time = None\nf(time)'],
  [
    'module-escape',
    'hands an event loop class to a function',
    'import asyncio\ndef f(c):\n    c.run_until_complete = None\nf(asyncio.BaseEventLoop)',
  ],
  ['module-escape', 'hands TestCase through an identity function', 'import unittest\nT = (lambda c: c)(unittest.TestCase)\nT.run = None'],
  ['module-escape', 'returns the async TestCase class', 'import unittest\ndef g():\n    return unittest.IsolatedAsyncioTestCase'],
  ['module-escape', 'hands random.Random to a function', 'import random\ndef f(c):\n    c.random = None\nf(random.Random)'],
  ['dunder', "changes json.dumps's keyword defaults", 'import json\njson.dumps.__kwdefaults__["cls"] = None'],
  [
    'patch',
    "sets the running loop's clock",
    'import asyncio\nasync def f():\n    loop = asyncio.get_running_loop()\n    loop.time = lambda: 0',
  ],
  ['patch', 'replaces the loop factory of the policy', 'import asyncio\nasyncio.get_event_loop_policy().new_event_loop = None'],
  ['patch', "changes the running loop's class", 'import asyncio\nasync def f():\n    type(asyncio.get_running_loop()).time = None'],
  ['event-loop', 'installs its own event loop policy', 'import asyncio\nasyncio.set_event_loop_policy(None)'],
  ['event-loop', 'installs a task factory', 'import asyncio\nasync def f():\n    asyncio.get_running_loop().set_task_factory(None)'],
  ['source-text', "reads its caller's source line", 'import traceback\ndef answer():\n    return traceback.extract_stack()[-2].line'],
  ['source-text', 'reads the source of a callback a test hands in', 'import inspect\ndef f(cb):\n    return inspect.getsource(cb)'],
  ['source-text', 'logs with the stack', 'import logging\nlogging.info("x", stack_info=True)'],
  ['encoding', 'hides a line in a utf-7 comment', '# -*- coding: utf-7 -*-\n# +AAo-import gc\n'],
  ['encoding', 'hides a line in a unicode_escape comment', '#!/usr/bin/env python3\n# coding: unicode_escape\n#\\u000aimport gc\n'],
  ['object-graph', 'starts with a byte order mark', '\ufeffimport gc\n'],
  ['too-deep', 'nests an expression too deeply to read', 'x = ' + Array<string>(100_000).fill('a.b').join('+')],
  ['loader', 'loads tests by name', 'import unittest\nunittest.defaultTestLoader.loadTestsFromName("x")'],
  ['loader', 'runs unittest.main on another module', 'import unittest\nunittest.main(module="x", exit=False)'],
  // Mock targets
  ['mock-target', 'patches unittest', 'from unittest.mock import patch\n@patch("unittest.TestCase.run")\ndef f(m):\n    pass'],
  ['mock-target', 'patches builtins.len', 'from unittest import mock\nwith mock.patch("builtins.len"):\n    pass'],
  ['mock-target', 'patches sys.modules as a dict', 'from unittest import mock\nmock.patch.dict("sys.modules", {})'],
  ['mock-target', 'patches a json object', 'import json\nfrom unittest.mock import patch\npatch.object(json, "dumps")'],
  ['mock-target', 'imports gc through a patch target', 'from unittest.mock import patch\npatch("gc.collect")'],
  ['dynamic-attribute', 'patches a computed target', 'from unittest.mock import patch\ndef f(n):\n    return patch("time." + n)'],
  // Strings and the console
  ['runner', 'names the harness in a string', 'import importlib\nname = "harness"'],
  ['runner', 'names a hidden test attribute in a string', 'target = "hidden_test.HiddenTests"'],
  ['console', 'replaces sys.stdout', 'import sys\nsys.stdout = None'],
  ['console', 'reads an attribute of sys.stdout', 'import sys\nsys.stdout._emit({"type": "test-end"})'],
  ['console', 'keeps sys.stdout in a variable', 'import sys\nout = sys.stdout'],
  ['console', 'writes to the real stdout', 'import sys\nsys.__stdout__.write("{}")'],
  ['console', 'imports stderr from sys', 'from sys import stderr'],
  ['console', 'hands sys.stdout as file= to a function other than print', 'import sys\ndef f(file):\n    return file\nf(file=sys.stdout)'],
  ['file-system', 'logs to a file', 'import logging\nlogging.basicConfig(filename="hidden_test.py")'],
  ['file-system', 'opens a file through io', 'import io\nio.open("x")'],
  ['console', 'reads sys.stdout through getattr', 'import sys\nout = getattr(sys, "stdout")'],
  // Own tests that run at import while they patch
  [
    'test-leak',
    'calls its own patching test at import',
    py`
      import time
      import unittest

      class MyTests(unittest.TestCase):
          def test_a(self):
              time.time = lambda: 0

      MyTests("test_a").test_a()
    `,
  ],
  [
    'test-leak',
    'decorates its own patching test class',
    py`
      import time
      import unittest

      def run_now(cls):
          cls("test_a").test_a()
          return cls

      @run_now
      class MyTests(unittest.TestCase):
          def test_a(self):
              time.time = lambda: 0
    `,
  ],
  [
    'test-leak',
    'runs its own patching test method from a decorator',
    py`
      import time
      import unittest

      def run_now(method):
          method(None)
          return method

      class MyTests(unittest.TestCase):
          @run_now
          def test_a(self):
              time.time = lambda: 0
    `,
  ],
];

const LEGIT: [string, string][] = [
  [
    'changes a dict that json made, and a queue it owns',
    'import json, asyncio\ndef f(s):\n    d = json.loads(s)\n    d["a"] = 1\n    q = asyncio.Queue()\n    q.maxsize = 3\n    return d, q',
  ],
  [
    'a dataclass with ordering, hashing, slots and a frozen one set in __post_init__',
    py`
      from __future__ import annotations

      from dataclasses import dataclass, field


      @dataclass(order=True)
      class Job:
          priority: int
          name: str = field(compare=False)
          tags: list[str] = field(default_factory=list)


      @dataclass(frozen=True)
      class Point:
          x: int
          y: int
          norm: float = 0.0

          def __post_init__(self) -> None:
              object.__setattr__(self, "norm", (self.x**2 + self.y**2) ** 0.5)


      class Node:
          __slots__ = ("key", "value", "prev", "next")

          def __init__(self, key, value):
              self.key, self.value = key, value
              self.prev = self.next = None

          def __repr__(self) -> str:
              return f"{self.__class__.__name__}({self.key!r}, {self.value!r})"

          def __eq__(self, other: object) -> bool:
              return isinstance(other, Node) and (self.key, self.value) == (other.key, other.value)

          def __lt__(self, other: Node) -> bool:
              return self.key < other.key

          def __hash__(self) -> int:
              return hash((self.key, self.value))
    `,
  ],
  [
    'heapq, bisect, collections, itertools and math',
    py`
      import bisect
      import heapq
      import itertools
      import math
      from collections import Counter, OrderedDict, defaultdict, deque


      class Scheduler:
          def __init__(self):
              self._heap = []
              self._seq = itertools.count()
              self._ring = []
              self._recent = deque(maxlen=10)
              self._counts = Counter()
              self._by_user = defaultdict(list)
              self._lru = OrderedDict()

          def push(self, priority, item):
              heapq.heappush(self._heap, (priority, next(self._seq), item))
              bisect.insort(self._ring, priority)
              self._recent.append(item)
              self._counts[item] += 1
              self._by_user[item].append(priority)
              self._lru[item] = priority
              self._lru.move_to_end(item)
              return math.ceil(priority)

          def pop(self):
              return heapq.heappop(self._heap)[2] if self._heap else None
    `,
  ],
  [
    'asyncio: tasks, gather, sleep, Queue, Event, wait_for, timeouts',
    py`
      import asyncio
      import inspect


      class Pipeline:
          def __init__(self, limit: int = 2):
              self.queue: asyncio.Queue = asyncio.Queue(maxsize=limit)
              self.ready = asyncio.Event()
              self.lock = asyncio.Lock()
              self.results = []

          async def worker(self, handler):
              while True:
                  item = await self.queue.get()
                  try:
                      outcome = handler(item)
                      if inspect.isawaitable(outcome) or inspect.iscoroutinefunction(handler):
                          outcome = await outcome
                      async with self.lock:
                          self.results.append(outcome)
                  except asyncio.CancelledError:
                      raise
                  finally:
                      self.queue.task_done()

          async def run(self, items, handler):
              tasks = [asyncio.create_task(self.worker(handler)) for _ in range(2)]
              for item in items:
                  await self.queue.put(item)
              try:
                  await asyncio.wait_for(self.queue.join(), timeout=1.0)
              except asyncio.TimeoutError:
                  pass
              for task in tasks:
                  task.cancel()
              await asyncio.gather(*tasks, return_exceptions=True)
              await asyncio.sleep(0)
              self.ready.set()
              loop = asyncio.get_running_loop()
              loop.call_later(0.01, self.ready.clear)
              return self.results
    `,
  ],
  [
    'clocks, a seeded random, json, re and typing',
    py`
      import json
      import random
      import re
      import time
      from typing import Callable, Optional

      Clock = Callable[[], float]
      SLUG = re.compile(r"[a-z0-9-]+")


      class Shortener:
          def __init__(self, clock: Optional[Clock] = None, seed: int = 7):
              self._clock = clock or (lambda: time.monotonic() * 1000)
              self._random = random.Random(seed)
              self._links = {}
              self.started = time.time()
              self.elapsed = time.perf_counter()

          def shorten(self, url: str) -> str:
              code = "".join(self._random.choice("abcdef") for _ in range(6))
              self._links[code] = (url, self._clock())
              return code

          def export(self) -> str:
              data = json.loads(json.dumps(self._links))
              data["count"] = len(data)
              return json.dumps(data, sort_keys=True)
    `,
  ],
  [
    'getattr with a literal, print to stderr, sys.maxsize and sys.setrecursionlimit',
    py`
      import sys

      sys.setrecursionlimit(10_000)


      def priority_of(job) -> int:
          if hasattr(job, "priority"):
              return getattr(job, "priority", 0)
          return sys.maxsize


      def report(message: str) -> None:
          print(message, file=sys.stderr)
          sys.stdout.write(message + "\\n")
          sys.stdout.flush()


      class Config:
          def __init__(self, **options):
              self.__dict_like = dict(options)
              setattr(self, "ready", True)

          def as_dict(self):
              return dict(vars(self))

          def __getattr__(self, name):
              raise AttributeError(name)

          def __setattr__(self, name, value):
              super().__setattr__(name, value)

          def __init_subclass__(cls, **kwargs):
              super().__init_subclass__(**kwargs)

          def __set_name__(self, owner, name):
              self.name = name
    `,
  ],
  [
    'its own tests that patch time in a test method and with @patch',
    py`
      import time
      import unittest
      from unittest import mock
      from unittest.mock import MagicMock, patch


      class Limiter:
          def __init__(self):
              self.started = time.time()


      class LimiterTests(unittest.TestCase):
          """My tests"""

          def setUp(self):
              self.real_time = time.time

          def tearDown(self):
              time.time = self.real_time

          def test_frozen_clock(self):
              time.time = lambda: 1000
              self.assertEqual(Limiter().started, 1000)

          @patch("time.time", return_value=5)
          def test_patched_clock(self, fake):
              self.assertEqual(Limiter().started, 5)

          def test_patch_object(self):
              with mock.patch.object(time, "time", return_value=7):
                  self.assertEqual(Limiter().started, 7)
              handler = MagicMock()
              handler.assert_not_called()
              handler(3)
              handler.assert_called_once_with(mock.ANY)


      class AsyncTests(unittest.IsolatedAsyncioTestCase):
          async def test_sleep(self):
              time.monotonic = lambda: 0.0


      if __name__ == "__main__":
          unittest.main()
    `,
  ],
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

const PROBLEM_FILES = problemFiles();
const EXTRA = [
  'x = sys._getframe\nimport gc\nimport sys', // sorted findings, screen_json
  'def broken(:\n    import gc', // a syntax error is for the import to report
  'import sys\nx = sys._getframe()', // the message names the line
];
const SOURCES = [
  ...EXTRA,
  ...ATTACKS.map(([, , source]) => source),
  ...LEGIT.map(([, source]) => source),
  ...PROBLEM_FILES.map(([, s]) => s),
];

let results: Finding[][] = [];
let firstJson = '';

beforeAll(() => {
  const run = spawnSync('python3', ['-c', DRIVER, HERE], { input: JSON.stringify(SOURCES), encoding: 'utf8', timeout: 60_000 });
  if (run.status !== 0) throw new Error(`the screen driver failed: ${run.stderr || String(run.error)}`);
  const parsed = JSON.parse(run.stdout) as { findings: Finding[][]; json: string };
  results = parsed.findings;
  firstJson = parsed.json;
});

const findingsOf = (index: number) => results[index]!;
const describeFindings = (findings: Finding[]) => findings.map((f) => `${f.line}:${f.col} ${f.rule}`).join(', ') || 'none';

describe('screen', () => {
  it('reports findings sorted by position, as JSON too', () => {
    const findings = findingsOf(0);
    expect(findings.map((f) => [f.line, f.rule])).toEqual([
      [1, 'frames'],
      [2, 'object-graph'],
    ]);
    expect(JSON.parse(firstJson)).toEqual(findings);
  });

  it('leaves a syntax error to the import', () => {
    expect(findingsOf(1)).toEqual([]);
  });

  it('tells the candidate the line, the thing, why, and what to do instead', () => {
    const [finding] = findingsOf(2);
    expect(finding).toMatchObject({ line: 2, col: 4, rule: 'frames' });
    expect(finding!.message).toMatch(
      /^line 2: `sys\._getframe` reaches running frames.*Rehearse cannot count a run that could rewrite its own verdict\. Remove it/,
    );
  });

  describe('finds every attack', () => {
    it.each(ATTACKS.map(([rule, what, source], i) => ({ rule, what, source, index: EXTRA.length + i })))(
      '$rule: $what',
      ({ rule, index, source }) => {
        const findings = findingsOf(index);
        expect(
          findings.map((f) => f.rule),
          `${source}\n→ ${describeFindings(findings)}`,
        ).toContain(rule);
      },
    );
  });

  describe('leaves ordinary code alone', () => {
    const offset = EXTRA.length + ATTACKS.length;
    it.each(LEGIT.map(([what], i) => ({ what, index: offset + i })))('$what', ({ index }) => {
      expect(describeFindings(findingsOf(index))).toBe('none');
    });

    it.each(PROBLEM_FILES.map(([file], i) => ({ file, index: offset + LEGIT.length + i })))('problems/$file', ({ index }) => {
      expect(describeFindings(findingsOf(index))).toBe('none');
    });
  });
});
