/**
 * The screen (screen.py) under CPython, on the standard library used as it is meant to be: data structures,
 * asyncio, clocks, json, re, typing, getattr with a written name, printing to stderr. No finding.
 */
import { describe } from 'vitest';
import { leavesAlone, py, type Ordinary } from './screenCases';

const ORDINARY: Ordinary[] = [
  [
    "declares routes on a web framework's app, PATCH included (a URL path is no patch target)",
    py`
      def register_routes(app, users):
          @app.get("/users/{user_id}")
          def get_user(user_id):
              return users.find(user_id)

          @app.patch("/users/{user_id}")
          def rename_user(user_id, request):
              return users.rename(user_id, request.json()["name"])
    `,
  ],
  [
    'keeps data in SQLite under a directory it is given (the API scenarios)',
    py`
      import sqlite3


      def open_store(data_dir):
          db = sqlite3.connect(data_dir + "/service.sqlite3", isolation_level=None)
          db.row_factory = sqlite3.Row
          db.execute("CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY, email TEXT UNIQUE)")
          try:
              db.execute("INSERT INTO users (email) VALUES (?)", ["ada@example.com"])
          except sqlite3.IntegrityError:
              pass
          return [dict(row) for row in db.execute("SELECT * FROM users")]
    `,
  ],
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
];

describe('screen: the standard library as it is meant to be used', () => {
  leavesAlone(ORDINARY);
});
