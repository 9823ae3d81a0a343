"""Runs an `async def` handler, middleware or task to its end without an event loop.

The service answers each request synchronously (Service.handle), in CPython and in the browser's Pyodide
alike, where no event loop may run inside a test. A coroutine that only awaits other coroutines (or
`asyncio.sleep(0)`) finishes in one go here. Waiting for time is not something a handler does in this
framework: queue a background task with a delay instead (BackgroundTasks.add_task_later).
"""

import inspect


class NeedsEventLoop(RuntimeError):
    pass


def drive(value):
    """`value` itself, or, for a coroutine, the value it returns."""
    if not inspect.iscoroutine(value):
        return value
    try:
        while True:
            waited = value.send(None)
            if waited is not None:
                value.close()
                raise NeedsEventLoop(
                    "an async handler or task awaited %r, which needs an event loop; this framework runs "
                    "them without one: await only coroutines, and queue a background task with a delay "
                    "to wait" % (waited,))
    except StopIteration as done:
        return done.value
