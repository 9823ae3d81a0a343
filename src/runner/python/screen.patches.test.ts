/**
 * The screen (screen.py) under CPython, on changes to modules the test runner relies on (assignments, mock
 * targets), and on strings and the console: each attack has a finding of its rule.
 */
import { describe } from 'vitest';
import { findsEachAttack, type Attack } from './screenCases';

const ATTACKS: Attack[] = [
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
  ['mock-target', "patches json through something else's patch method", 'import json\ndef f(app):\n    app.patch("json.dumps")'],
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
];

describe('screen: patching modules, mock targets, strings and the console', () => {
  findsEachAttack(ATTACKS);
});
