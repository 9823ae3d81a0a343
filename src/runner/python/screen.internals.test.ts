/**
 * The screen (screen.py) under CPython, on what reaches the interpreter's insides: frames, tracing, the import
 * system's state and dunder names. Each attack has a finding of its rule.
 */
import { describe } from 'vitest';
import { findsEachAttack, type Attack } from './screenCases';

const ATTACKS: Attack[] = [
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
];

describe('screen: frames, tracing, import state and dunders', () => {
  findsEachAttack(ATTACKS);
});
