/**
 * The screen (screen.py) under CPython, on the candidate's own tests: a test method may patch a module such as
 * `time`, so a file that does may not run its own test code while it is imported (rule `test-leak`).
 */
import { describe } from 'vitest';
import { findsEachAttack, leavesAlone, py, type Attack, type Ordinary } from './screenCases';

const ATTACKS: Attack[] = [
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

const ORDINARY: Ordinary[] = [
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
];

describe('screen: own tests that patch', () => {
  describe('finds every attack', () => {
    findsEachAttack(ATTACKS);
  });
  describe('leaves ordinary code alone', () => {
    leavesAlone(ORDINARY);
  });
});
