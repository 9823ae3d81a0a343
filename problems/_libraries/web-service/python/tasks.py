"""Background work on the service's clock: a handler queues a task and answers at once; `Service.idle()`
runs the tasks that are due. Nothing runs on its own: the runner calls idle() after every response, and a
test advances its ManualClock and calls idle() when it wants time to pass.
"""

import sys

from framework.coroutines import drive

# idle() runs at most this many tasks, so a task that queues itself again at once cannot hang the service.
MAX_TASKS_PER_IDLE = 10000


class Task:
    def __init__(self, due_ms, order, function, args, kwargs):
        self.due_ms = due_ms
        self.order = order
        self.function = function
        self.args = args
        self.kwargs = kwargs

    def describe(self):
        return getattr(self.function, "__name__", repr(self.function))


class BackgroundTasks:
    """The service's task queue. A handler asks for it with a parameter annotated `BackgroundTasks`.

    `add_task(send_welcome, 'ada@example.com')` runs `send_welcome('ada@example.com')` at the next idle();
    `add_task_later(5000, retry, 2)` runs `retry(2)` at the first idle() 5000 ms from now or later. Tasks
    run in the order they are due, ties in the order they were added; a task may be `async def`. A task
    that raises is reported on the console and dropped: retrying is the task's own business."""

    def __init__(self, clock):
        self.clock = clock
        self.queue = []
        self.added = 0

    def add_task(self, function, *args, **kwargs):
        self.add_task_later(0, function, *args, **kwargs)

    def add_task_later(self, delay_ms, function, *args, **kwargs):
        if isinstance(delay_ms, bool) or not isinstance(delay_ms, (int, float)) or not delay_ms >= 0:
            raise ValueError("delay_ms must be a number of milliseconds >= 0, got %r" % (delay_ms,))
        if not callable(function):
            raise TypeError("a background task must be a function, got %r" % (function,))
        self.added += 1
        self.queue.append(Task(self.clock.now() + delay_ms, self.added, function, args, kwargs))

    @property
    def pending(self):
        """How many tasks are queued, due or not."""
        return len(self.queue)

    def next_due_ms(self):
        """When the earliest queued task is due, or None when the queue is empty."""
        return min((task.due_ms for task in self.queue), default=None)

    def run_due(self):
        """Runs every task due at the clock's time, and the due tasks those add; returns how many ran."""
        ran = 0
        while ran < MAX_TASKS_PER_IDLE:
            now = self.clock.now()
            due = [task for task in self.queue if task.due_ms <= now]
            if not due:
                return ran
            task = min(due, key=lambda t: (t.due_ms, t.order))
            self.queue.remove(task)
            ran += 1
            try:
                drive(task.function(*task.args, **task.kwargs))
            except Exception as error:  # noqa: BLE001 - a failing task must not stop the others
                print("background task %s failed: %s: %s" % (task.describe(), type(error).__name__, error),
                      file=sys.stderr)
        print("idle() stopped after %d tasks: a task keeps queueing tasks that are already due" % ran,
              file=sys.stderr)
        return ran
