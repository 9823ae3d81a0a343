import unittest

from solution import PipelineStats, StreamEvent, StreamPipeline, WindowResult


def minute_windows():
    return StreamPipeline(window_ms=60_000, allowed_lateness_ms=10_000, dedup_horizon_ms=120_000, capacity=100)


class StreamPipelineExamples(unittest.TestCase):
    """StreamPipeline: examples"""

    def test_summarises_per_window(self):
        """summarises each key per window once the watermark passes the window (Example 1)"""
        p = minute_windows()
        self.assertEqual(p.push(StreamEvent('e1', 'checkout', 5_000, 120)), 'accepted', 'e1 is new')
        self.assertEqual(p.push(StreamEvent('e2', 'checkout', 30_000, 80)), 'accepted', 'e2 is new')
        self.assertEqual(p.push(StreamEvent('e3', 'search', 65_000, 10)), 'accepted', 'e3 is new')
        self.assertEqual(p.watermark, 55_000, 'newest event time 65000 minus 10000 of allowed lateness')
        self.assertEqual(p.poll(10), [], 'the first minute is still open at watermark 55000')
        self.assertEqual(p.push(StreamEvent('e4', 'checkout', 59_000, 40)), 'accepted',
                         'out of order, but its window is open')
        self.assertEqual(p.push(StreamEvent('e5', 'search', 71_000, 30)), 'accepted', 'e5 is new')
        self.assertEqual(p.poll(10), [WindowResult('checkout', 0, 60_000, 3, 240, 40, 120)],
                         'watermark 61000 closes [0, 60000)')

    def test_duplicate_and_late(self):
        """drops a retried event as a duplicate and a very late one as late"""
        p = minute_windows()
        p.push(StreamEvent('e1', 'checkout', 5_000, 120))
        self.assertEqual(p.push(StreamEvent('e1', 'checkout', 5_000, 120)), 'duplicate', 'same id again')
        p.push(StreamEvent('e5', 'search', 71_000, 30))
        self.assertEqual(p.push(StreamEvent('e6', 'checkout', 58_000, 1)), 'late',
                         'its window closed at watermark 61000')

    def test_heartbeat_and_stats(self):
        """closes windows on a heartbeat and reports its counters (Example 1, end)"""
        p = minute_windows()
        p.push(StreamEvent('e1', 'checkout', 5_000, 120))
        p.push(StreamEvent('e2', 'checkout', 30_000, 80))
        p.push(StreamEvent('e1', 'checkout', 5_000, 120))
        p.push(StreamEvent('e3', 'search', 65_000, 10))
        p.push(StreamEvent('e4', 'checkout', 59_000, 40))
        p.push(StreamEvent('e5', 'search', 71_000, 30))
        p.poll(10)
        p.push(StreamEvent('e6', 'checkout', 58_000, 1))
        p.advance_to(130_000)
        self.assertEqual(p.poll(10), [WindowResult('search', 60_000, 120_000, 2, 40, 10, 30)],
                         'watermark 120000 closes [60000, 120000)')
        self.assertEqual(p.stats(), PipelineStats(accepted=5, duplicates=1, late=1, refused=0, open_windows=0,
                                                  tracked_ids=4), 'e1 (time 5000) is forgotten')

    def test_back_pressure(self):
        """refuses input while the consumer is behind, and accepts it again after a poll (Example 2)"""
        q = StreamPipeline(window_ms=10, allowed_lateness_ms=0, dedup_horizon_ms=100, capacity=1)
        q.push(StreamEvent('a', 'k', 1, 1))
        q.push(StreamEvent('b', 'j', 2, 1))
        q.push(StreamEvent('c', 'k', 25, 2))
        self.assertEqual(q.backlog, 2, 'both windows [0, 10) closed at once')
        d = StreamEvent('d', 'k', 26, 2)
        self.assertEqual(q.push(d), 'full', 'two results wait, capacity 1')
        self.assertEqual(q.poll(1), [WindowResult('j', 0, 10, 1, 1, 1, 1)], 'j comes before k')
        self.assertEqual(q.push(d), 'full', 'one result still waits: capacity 1 is reached')
        self.assertEqual(q.poll(5), [WindowResult('k', 0, 10, 1, 1, 1, 1)], 'the last result')
        self.assertEqual(q.push(d), 'accepted', 'the buffer is empty again')


if __name__ == '__main__':
    unittest.main()
