/**
 * The screen (screen.py) under CPython, on the modules a source imports and the built-in names it uses: each
 * attack has a finding of its rule.
 */
import { describe } from 'vitest';
import { findsEachAttack, type Attack } from './screenCases';

const ATTACKS: Attack[] = [
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
  ['file-system', 'imports tempfile to make a directory', 'import tempfile\nd = tempfile.mkdtemp()'],
  ['code-from-data', 'loads a SQLite extension', 'import sqlite3\ndb = sqlite3.connect("a.sqlite3")\ndb.enable_load_extension(True)'],
  ['code-from-data', 'loads a SQLite extension by SQL object', 'def f(db):\n    db.load_extension("./evil")'],
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
];

describe('screen: imports and built-in names', () => {
  findsEachAttack(ATTACKS);
});
