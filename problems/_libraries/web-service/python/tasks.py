"""Background work on the service's clock. A task is scheduled to run at a time; nothing runs on its own:
the service's idle() runs every task due at clock.now() (the runner calls it after every response, a test
when it chooses, after moving its ManualClock). So a handler that schedules a task has answered before the
task runs.

    tasks.enqueue('welcome ada', lambda: send_welcome(user))      # at the next idle()
    tasks.later('retry welcome', 5000, lambda: send_welcome(user)) # at an idle() 5 s from now or later
"""

from framework.coroutines import drive

# run_due() runs at most this many tasks, so a task that schedules itself again at once cannot hang it.
MAX_TASKS_PER_RUN = 10000


class Task:
    def __init__(self, at, order, name, run):
        self.at = at
        self.order = order
        self.name = name
        self.run = run


class TaskQueue:
    """A handler asks for the queue with a parameter annotated `TaskQueue`. A task is a function without
    arguments (a lambda, or `functools.partial`), plain or `async def`. A task that raises is recorded in
    `failures` ({'name', 'at', 'error'}) and dropped: a task that wants a retry schedules it itself."""

    def __init__(self, clock):
        self.clock = clock
        self.queue = []
        self.scheduled = 0
        self.failures = []

    def enqueue(self, name, task):
        """Runs `task` the next time the queue runs."""
        self.schedule(name, self.clock.now(), task)

    def later(self, name, delay_ms, task):
        """Runs `task` once `delay_ms` milliseconds have passed."""
        if isinstance(delay_ms, bool) or not isinstance(delay_ms, (int, float)) or not delay_ms >= 0:
            raise ValueError("delay_ms must be a number of milliseconds >= 0, got %r" % (delay_ms,))
        self.schedule(name, self.clock.now() + delay_ms, task)

    def schedule(self, name, at, task):
        """Runs `task` once the clock reaches `at` (milliseconds)."""
        if not callable(task):
            raise TypeError("a task is a function without arguments, got %r" % (task,))
        self.scheduled += 1
        self.queue.append(Task(at, self.scheduled, str(name), task))

    @property
    def pending(self):
        """How many tasks wait, due or not."""
        return len(self.queue)

    def waiting(self):
        """[{'name', 'at'}] of the waiting tasks, earliest first."""
        return [{"name": task.name, "at": task.at} for task in self.ordered()]

    def run_due(self):
        """Runs every task due at the clock's time, earliest first (ties in the order scheduled), and the
        due tasks those schedule; returns how many ran."""
        ran = 0
        while ran < MAX_TASKS_PER_RUN:
            now = self.clock.now()
            due = [task for task in self.ordered() if task.at <= now]
            if not due:
                return ran
            task = due[0]
            self.queue.remove(task)
            ran += 1
            try:
                drive(task.run())
            except Exception as error:  # noqa: BLE001 - a failing task must not stop the others
                self.failures.append({"name": task.name, "at": now, "error": str(error)})
        self.failures.append({"name": "run_due", "at": self.clock.now(),
                              "error": "stopped after %d tasks: tasks keep scheduling tasks already due" % ran})
        return ran

    def ordered(self):
        return sorted(self.queue, key=lambda task: (task.at, task.order))
