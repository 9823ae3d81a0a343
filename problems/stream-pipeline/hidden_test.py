import itertools
import math
import random
import unittest

from solution import PipelineStats, StreamEvent, StreamPipeline, WindowResult


def pipeline(**options):
    """Windows of 10 ms, no lateness, a long dedup horizon and a roomy buffer, unless told otherwise."""
    return StreamPipeline(**{'window_ms': 10, 'allowed_lateness_ms': 0, 'dedup_horizon_ms': 1000, 'capacity': 100,
                             **options})


_serial = itertools.count(1)


def ev(key, time, value=1, event_id=None):
    """An event with a fresh id unless one is given."""
    return StreamEvent(f'auto-{next(_serial)}' if event_id is None else event_id, key, time, value)


def result(key, start, end, values):
    return WindowResult(key, start, end, len(values), sum(values), min(values), max(values))


def where(results):
    """Where each result landed, as 'key@start'."""
    return [f'{r.key}@{r.start}' for r in results]


def some_stats(stats, *names):
    """The named counters of a stats() answer, as a dict."""
    return {name: getattr(stats, name) for name in names}


def assert_raises_naming(test, error, what, call, *mentions):
    """Checks that call() raises `error` (a class or a tuple of them) with a message mentioning each of
    `mentions`, in any letter case and any order."""
    names = ' or '.join(e.__name__ for e in (error if isinstance(error, tuple) else (error,)))
    with test.assertRaises(error, msg=f'{what}: expected {names}') as caught:
        call()
    test.assertMessage(caught.exception, *mentions, msg=f'{what}: the message should mention {mentions!r}')


class Windows(unittest.TestCase):
    """windows"""

    def test_window_bounds(self):
        """[R1] puts times start..start+window_ms-1 in one window and the next time in the next"""
        p = pipeline()
        p.push(ev('k', 0, 1))
        p.push(ev('k', 9, 2))
        p.push(ev('k', 10, 4))
        p.advance_to(1000)
        self.assertEqual(p.poll(10), [result('k', 0, 10, [1, 2]), result('k', 10, 20, [4])], '0 and 9, then 10')

    def test_aligned_to_zero(self):
        """[R1] aligns windows to 0, not to the first event"""
        p = pipeline(window_ms=7)
        p.push(ev('k', 13, 5))
        p.push(ev('k', 14, 6))
        p.advance_to(1000)
        self.assertEqual(p.poll(10), [result('k', 7, 14, [5]), result('k', 14, 21, [6])], '[7, 14) and [14, 21)')

    def test_windows_per_key(self):
        """[R1] gives each key its own windows"""
        p = pipeline()
        p.push(ev('a', 1, 3))
        p.push(ev('b', 2, 4))
        p.push(ev('a', 3, 5))
        p.advance_to(10)
        self.assertEqual(p.poll(10), [result('a', 0, 10, [3, 5]), result('b', 0, 10, [4])], 'a and b apart')

    def test_summary_fields(self):
        """[R2] summarises count, sum, min and max, with negative and fractional values"""
        p = pipeline()
        for v in (2.5, -3, 0, 7):
            p.push(ev('k', 4, v))
        p.advance_to(10)
        self.assertEqual(p.poll(1), [WindowResult(key='k', start=0, end=10, count=4, sum=6.5, min=-3, max=7)],
                         'four values')

    def test_single_negative_value(self):
        """[R2] a single negative value is both the min and the max"""
        p = pipeline()
        p.push(ev('k', 4, -4))
        p.push(ev('j', 4, 9))
        p.advance_to(10)
        self.assertEqual(p.poll(2), [result('j', 0, 10, [9]), result('k', 0, 10, [-4])], 'min and max -4 for k')

    def test_empty_window_no_result(self):
        """[R2] produces nothing for a window without accepted events"""
        p = pipeline()
        p.push(ev('k', 5))
        p.push(ev('k', 25))
        p.advance_to(100)
        self.assertEqual(where(p.poll(10)), ['k@0', 'k@20'], 'no result for [10, 20)')


class WatermarkAndClosing(unittest.TestCase):
    """watermark and closing"""

    def test_watermark_definition(self):
        """[R3 push] is -inf before anything, then the newest event time minus the allowed lateness"""
        p = pipeline(allowed_lateness_ms=5)
        self.assertEqual(p.watermark, -math.inf, 'nothing seen yet')
        p.push(ev('k', 50))
        self.assertEqual(p.watermark, 45, '50 - 5')
        p.push(ev('k', 48))
        self.assertEqual(p.watermark, 45, 'an older event does not move it back')
        p.push(ev('k', 52))
        self.assertEqual(p.watermark, 47, '52 - 5')

    def test_watermark_from_heartbeat(self):
        """[R3 advance_to] starts from a heartbeat as well as from an event"""
        p = pipeline(allowed_lateness_ms=3)
        p.advance_to(0)
        self.assertEqual(p.watermark, -3, '0 - 3')
        p.advance_to(20)
        self.assertEqual(p.watermark, 17, '20 - 3')

    def test_closes_at_end(self):
        """[R4 push] closes a window exactly when the watermark reaches its end"""
        p = pipeline(allowed_lateness_ms=3)
        p.push(ev('k', 1))
        p.push(ev('k', 12))
        self.assertEqual(p.backlog, 0, 'watermark 9 < end 10')
        p.push(ev('k', 13))
        self.assertEqual(p.backlog, 1, 'watermark 10 = end 10')
        self.assertEqual(p.poll(5), [result('k', 0, 10, [1])], 'the closed window')

    def test_emits_once(self):
        """[R4 push] emits each window once and forgets it"""
        p = pipeline()
        p.push(ev('k', 1, 2))
        p.push(ev('k', 15, 3))
        self.assertEqual(p.stats().open_windows, 1, '[10, 20) is open')
        p.advance_to(30)
        p.advance_to(40)
        p.push(ev('k', 45, 4))
        p.advance_to(60)
        self.assertEqual(p.poll(10), [result('k', 0, 10, [2]), result('k', 10, 20, [3]), result('k', 40, 50, [4])],
                         'each window once')
        self.assertEqual(p.stats().open_windows, 0, 'nothing open')

    def test_close_order(self):
        """[R5] appends windows closed together by start, then by key in plain string order"""
        p = pipeline(allowed_lateness_ms=100)
        p.push(ev('b', 15))
        p.push(ev('a', 3))
        p.push(ev('b', 4))
        p.push(ev('B', 12))
        p.push(ev('a', 14))
        p.push(ev('a10', 5))
        p.push(ev('a9', 6))
        p.advance_to(200)
        self.assertEqual(where(p.poll(10)), ['a@0', 'a10@0', 'a9@0', 'b@0', 'B@10', 'a@10', 'b@10'],
                         'by start, then by key')

    def test_heartbeat_never_moves_back(self):
        """[R6][R4 advance_to] a heartbeat closes windows and keeps the newest event time if it is earlier"""
        p = pipeline(allowed_lateness_ms=5)
        p.push(ev('k', 30))
        p.advance_to(20)
        self.assertEqual(p.watermark, 25, 'an earlier heartbeat changes nothing')
        p.advance_to(30)
        self.assertEqual(p.watermark, 25, 'an equal heartbeat changes nothing')
        self.assertEqual(p.backlog, 0, 'nothing closed')
        p.advance_to(45)
        self.assertEqual(p.poll(5), [result('k', 30, 40, [1])], 'watermark 40 closes [30, 40)')

    def test_heartbeat_forgets_ids(self):
        """[R6] a heartbeat forgets ids that fall behind the horizon"""
        p = pipeline(dedup_horizon_ms=50)
        p.push(ev('k', 10, 1, 'x'))
        p.advance_to(59)
        self.assertEqual(p.stats().tracked_ids, 1, '59 - 10 < 50')
        p.advance_to(60)
        self.assertEqual(p.stats().tracked_ids, 0, '60 - 10 = 50')
        self.assertEqual(p.push(ev('k', 60, 1, 'x')), 'accepted', 'x is new again')

    def test_heartbeat_never_refused(self):
        """[R6] a heartbeat is never refused, even with a full buffer"""
        p = pipeline(capacity=1)
        p.push(ev('a', 1))
        p.push(ev('b', 2))
        p.push(ev('c', 12))
        self.assertEqual(p.backlog, 2, 'a and b closed')
        p.advance_to(100)
        self.assertEqual(p.backlog, 3, 'the heartbeat closed [10, 20) too')


class PushOutcomes(unittest.TestCase):
    """push: full, late, duplicate, accepted"""

    def test_full_at_capacity(self):
        """[R7] refuses exactly when the buffer holds capacity results"""
        p = pipeline(capacity=2)
        p.push(ev('a', 1))
        p.push(ev('k', 15))
        self.assertEqual(p.backlog, 1, 'a closed')
        self.assertEqual(p.push(ev('k', 16)), 'accepted', 'one result waiting, capacity 2')
        p.push(ev('k', 25))
        self.assertEqual(p.backlog, 2, 'k [10, 20) closed too')
        self.assertEqual(p.push(ev('k', 26)), 'full', 'two results waiting, capacity 2')
        self.assertEqual(p.stats().refused, 1, 'one refusal')

    def test_full_looks_at_nothing_else(self):
        """[R7] looks at nothing else when full: no lateness, no duplicate, nothing remembered or counted"""
        p = pipeline(capacity=1)
        p.push(ev('k', 1, 1, 'a'))
        p.push(ev('k', 12, 1, 'b'))
        self.assertEqual(p.push(ev('k', 13, 1, 'a')), 'full', 'would be a duplicate')
        self.assertEqual(p.push(ev('k', 2)), 'full', 'would be late')
        self.assertEqual(p.push(ev('k', 14, 5, 'c')), 'full', 'would be accepted')
        self.assertEqual(some_stats(p.stats(), 'accepted', 'duplicates', 'late', 'refused', 'tracked_ids'),
                         {'accepted': 2, 'duplicates': 0, 'late': 0, 'refused': 3, 'tracked_ids': 2},
                         'only refused moved')
        p.poll(1)
        self.assertEqual(p.push(ev('k', 14, 5, 'c')), 'accepted', 'the producer sends c again')
        p.advance_to(20)
        self.assertEqual(p.poll(1), [result('k', 10, 20, [1, 5])], 'c counted once')

    def test_late_at_watermark(self):
        """[R8] drops an event whose window ended at the watermark, and keeps one ending just after"""
        p = pipeline(allowed_lateness_ms=5)
        p.push(ev('k', 25))
        self.assertEqual(p.push(ev('k', 19)), 'late', 'end 20 <= watermark 20')
        self.assertEqual(p.push(ev('k', 20)), 'accepted', 'end 30 > watermark 20')
        self.assertEqual(p.stats().late, 1, 'one late event')

    def test_late_without_window(self):
        """[R8] is late even for a window that never had an event"""
        p = pipeline()
        p.push(ev('k', 35))
        self.assertEqual(p.push(ev('other', 5)), 'late', 'other never had [0, 10)')
        self.assertEqual(p.push(ev('k', 29)), 'late', 'k never had [20, 30)')
        p.advance_to(100)
        self.assertEqual(where(p.poll(10)), ['k@30'], 'only the accepted event')

    def test_within_lateness_accepted(self):
        """[R8] accepts an event behind the newest time within the allowed lateness"""
        p = pipeline(allowed_lateness_ms=15)
        p.push(ev('k', 24, 1))
        self.assertEqual(p.push(ev('k', 9, 2)), 'accepted', 'window [0, 10) ends after watermark 9')
        p.push(ev('k', 25, 1))
        self.assertEqual(p.push(ev('k', 9, 3)), 'late', 'watermark 10 has closed it')
        self.assertEqual(p.poll(5), [result('k', 0, 10, [2])], 'only the value 2')

    def test_behind_watermark_window_open(self):
        """[R8][R11] accepts an event behind the watermark while its window is still open"""
        p = pipeline(allowed_lateness_ms=5)
        p.push(ev('k', 27, 1))
        self.assertEqual(p.push(ev('k', 21, 2)), 'accepted', 'time 21 is behind watermark 22, but [20, 30) is open')
        p.advance_to(35)
        self.assertEqual(p.poll(5), [result('k', 20, 30, [1, 2])], 'both in [20, 30)')

    def test_duplicate_by_id_only(self):
        """[R9] drops a second event with the same id, whatever its key, time or value"""
        p = pipeline()
        p.push(ev('k', 5, 1, 'x'))
        self.assertEqual(p.push(ev('k', 5, 1, 'x')), 'duplicate', 'the same event again')
        self.assertEqual(p.push(ev('other', 7, 50, 'x')), 'duplicate', 'another key and value')
        self.assertEqual(p.push(ev('k', 500, 50, 'x')), 'duplicate', 'a later time does not make it new')
        p.advance_to(10)
        self.assertEqual(p.poll(5), [result('k', 0, 10, [1])], 'only the first x')
        self.assertEqual(some_stats(p.stats(), 'accepted', 'duplicates'), {'accepted': 1, 'duplicates': 3},
                         'one accepted, three duplicates')

    def test_remembers_within_horizon(self):
        """[R10] remembers an id until the newest time is dedup_horizon_ms past it, then forgets it"""
        p = pipeline(dedup_horizon_ms=30, allowed_lateness_ms=100)
        p.push(ev('k', 10, 1, 'x'))
        p.push(ev('k', 39))
        self.assertEqual(p.push(ev('k', 11, 1, 'x')), 'duplicate', '39 - 10 < 30')
        p.push(ev('k', 40))
        self.assertEqual(p.stats().tracked_ids, 2, 'x forgotten at 40; the two others remain')
        self.assertEqual(p.push(ev('k', 12, 7, 'x')), 'accepted', 'x is new again')
        p.advance_to(200)
        self.assertEqual(p.poll(5), [result('k', 10, 20, [1, 7]), result('k', 30, 40, [1]), result('k', 40, 50, [1])],
                         'both x counted')

    def test_stale_accept_not_remembered(self):
        """[R10] does not remember an event accepted dedup_horizon_ms or more behind the newest time"""
        p = pipeline(dedup_horizon_ms=20, allowed_lateness_ms=100)
        p.push(ev('k', 50, 1, 'newest'))
        p.push(ev('k', 30, 1, 'edge'))
        self.assertEqual(p.stats().tracked_ids, 1, 'edge (50 - 30 = 20) is not remembered, even for a moment')
        p.push(ev('k', 31, 1, 'inside'))
        self.assertEqual(p.stats().tracked_ids, 2, 'edge (50 - 30 = 20) is not remembered')
        self.assertEqual(p.push(ev('k', 30, 1, 'edge')), 'accepted', 'so its copy counts again')
        self.assertEqual(p.push(ev('k', 31, 1, 'inside')), 'duplicate', 'inside (50 - 31 = 19) is remembered')

    def test_tracked_ids(self):
        """[R10] counts remembered ids in tracked_ids"""
        p = pipeline(dedup_horizon_ms=10)
        self.assertEqual(p.stats().tracked_ids, 0, 'nothing yet')
        p.push(ev('k', 1, 1, 'a'))
        p.push(ev('k', 5, 1, 'b'))
        p.push(ev('k', 5, 1, 'b'))
        self.assertEqual(p.stats().tracked_ids, 2, 'a and b')
        p.push(ev('k', 12, 1, 'c'))
        self.assertEqual(p.stats().tracked_ids, 2, 'a (12 - 1 >= 10) forgotten')

    def test_late_before_duplicate(self):
        """[R8][R9] checks lateness before duplication"""
        p = pipeline(dedup_horizon_ms=1000)
        p.push(ev('k', 5, 1, 'x'))
        p.push(ev('k', 20))
        self.assertEqual(p.push(ev('k', 5, 1, 'x')), 'late', 'x is remembered but its window has closed')
        self.assertEqual(some_stats(p.stats(), 'late', 'duplicates'), {'late': 1, 'duplicates': 0},
                         'counted as late only')

    def test_out_of_order_accepted(self):
        """[R11] adds an out-of-order event to its own open window"""
        p = pipeline(allowed_lateness_ms=30)
        p.push(ev('k', 35, 1))
        self.assertEqual(p.push(ev('k', 12, 2)), 'accepted', '[10, 20) is open at watermark 5')
        self.assertEqual(p.push(ev('k', 31, 3)), 'accepted', '[30, 40) is open')
        p.advance_to(100)
        self.assertEqual(p.poll(5), [result('k', 10, 20, [2]), result('k', 30, 40, [1, 3])], 'each in its window')

    def test_dropped_does_not_move_time(self):
        """[R12] a duplicate or late event does not move the newest event time"""
        p = pipeline(allowed_lateness_ms=5)
        p.push(ev('k', 20, 1, 'x'))
        self.assertEqual(p.push(ev('k', 900, 1, 'x')), 'duplicate', 'x again')
        self.assertEqual(p.watermark, 15, 'the duplicate at 900 moved nothing')
        self.assertEqual(p.backlog, 0, 'nothing closed')

    def test_late_not_remembered(self):
        """[R12] a late event is not remembered and counts in no window"""
        p = pipeline()
        p.push(ev('k', 20))
        self.assertEqual(p.push(ev('k', 5, 9, 'y')), 'late', '[0, 10) closed')
        self.assertEqual(p.stats().tracked_ids, 1, 'only the first event')
        self.assertEqual(p.push(ev('k', 25, 2, 'y')), 'accepted', 'y was never remembered')
        p.advance_to(30)
        self.assertEqual(p.poll(5), [result('k', 20, 30, [1, 2])], 'the late 9 counts nowhere')

    def test_refused_does_not_move_time(self):
        """[R12] a refused event does not move the newest event time"""
        p = pipeline(capacity=1)
        p.push(ev('k', 5))
        p.push(ev('k', 15))
        self.assertEqual(p.push(ev('k', 500)), 'full', 'one result waits')
        self.assertEqual(p.watermark, 15, 'still 15')
        self.assertEqual(p.stats().open_windows, 1, '[10, 20) still open')


class OutputAndBackPressure(unittest.TestCase):
    """output and back-pressure"""

    def test_appends_past_capacity(self):
        """[R13] appends every result a call closes, even past capacity"""
        p = pipeline(capacity=1)
        p.push(ev('c', 1))
        p.push(ev('b', 2))
        p.push(ev('a', 5))
        p.push(ev('a', 100))
        self.assertEqual(p.backlog, 3, 'three windows closed at once')
        self.assertEqual(where(p.poll(10)), ['a@0', 'b@0', 'c@0'], 'none lost')

    def test_poll_oldest_first(self):
        """[R14] polls oldest first, at most max_results at a time, and [] when empty"""
        p = pipeline()
        for t in range(0, 50, 10):
            p.push(ev('k', t))
        p.advance_to(100)
        self.assertEqual(p.backlog, 5, 'five windows')
        self.assertEqual(where(p.poll(2)), ['k@0', 'k@10'], 'the two oldest')
        self.assertEqual(p.backlog, 3, 'three left')
        self.assertEqual(where(p.poll(1)), ['k@20'], 'the next one')
        self.assertEqual(where(p.poll(10)), ['k@30', 'k@40'], 'the rest')
        self.assertEqual(p.poll(1), [], 'nothing left')
        self.assertEqual(p.backlog, 0, 'empty')

    def test_order_across_calls(self):
        """[R14] keeps results from different calls in the order they were closed"""
        p = pipeline()
        p.push(ev('z', 1))
        p.push(ev('a', 15))
        p.push(ev('m', 22))
        p.advance_to(30)
        self.assertEqual(where(p.poll(10)), ['z@0', 'a@10', 'm@20'], 'in closing order')

    def test_stats_counts(self):
        """[R15] counts every outcome and the open windows per key"""
        p = pipeline(capacity=1)
        p.push(ev('a', 1, 1, 'x'))
        p.push(ev('b', 2))
        p.push(ev('a', 3, 1, 'x'))
        p.push(ev('a', 14))
        self.assertEqual(p.stats(), PipelineStats(accepted=3, duplicates=1, late=0, refused=0, open_windows=1,
                                                  tracked_ids=3), 'after the first close')
        p.push(ev('a', 15))
        p.poll(5)
        p.push(ev('a', 2))
        self.assertEqual(p.stats(), PipelineStats(accepted=3, duplicates=1, late=1, refused=1, open_windows=1,
                                                  tracked_ids=3), 'after a refusal and a late event')

    def test_open_windows_per_key(self):
        """[R15] counts open windows per key and window, not per window start"""
        p = pipeline()
        p.push(ev('a', 1))
        p.push(ev('b', 2))
        p.push(ev('a', 3))
        self.assertEqual(p.stats().open_windows, 2, 'a [0, 10) and b [0, 10)')
        p.push(ev('b', 12))
        self.assertEqual(p.stats().open_windows, 1, 'b [10, 20)')


class BadInput(unittest.TestCase):
    """bad input"""

    GOOD = {'window_ms': 10, 'allowed_lateness_ms': 0, 'dedup_horizon_ms': 10, 'capacity': 1}

    def test_bad_options(self):
        """[R16] rejects bad option values, naming the option"""
        cases = [
            ('window_ms', 0), ('window_ms', 2.5),
            ('allowed_lateness_ms', -1), ('allowed_lateness_ms', 0.5), ('allowed_lateness_ms', float('nan')),
            ('dedup_horizon_ms', 0), ('dedup_horizon_ms', float('inf')),
            ('capacity', 0), ('capacity', 1.5), ('capacity', -2),
        ]
        for name, bad in cases:
            with self.subTest(option=name, value=bad):
                assert_raises_naming(self, ValueError, f'{name} {bad!r}',
                                     lambda: StreamPipeline(**{**self.GOOD, name: bad}), name)
        for name, bad in [('window_ms', '10'), ('window_ms', None), ('capacity', None)]:
            with self.subTest(option=name, value=bad):
                assert_raises_naming(self, (TypeError, ValueError), f'{name} {bad!r}',
                                     lambda: StreamPipeline(**{**self.GOOD, name: bad}), name)

    def test_smallest_options(self):
        """[R16] accepts the smallest allowed values"""
        p = StreamPipeline(window_ms=1, allowed_lateness_ms=0, dedup_horizon_ms=1, capacity=1)
        self.assertEqual(p.push(ev('k', 0, 1, 'x')), 'accepted', 'the first event')
        self.assertEqual(p.push(ev('k', 0, 1, 'x')), 'duplicate', 'remembered while 0 - 0 < 1')
        p.advance_to(1)
        self.assertEqual(p.poll(1), [result('k', 0, 1, [1])], 'a 1 ms window')

    def test_event_not_an_event(self):
        """[R17] rejects an event that is not a StreamEvent"""
        p = pipeline()
        for bad in (None, 'e1', 7):
            with self.subTest(event=bad):
                assert_raises_naming(self, TypeError, f'event {bad!r}', lambda: p.push(bad), 'event')

    def test_bad_id_or_key(self):
        """[R17] rejects a bad id or key with a TypeError naming the field"""
        p = pipeline()
        for bad in ('', 5, None):
            with self.subTest(value=bad):
                assert_raises_naming(self, TypeError, f'id {bad!r}', lambda: p.push(StreamEvent(bad, 'k', 1, 1)), 'id')
                assert_raises_naming(self, TypeError, f'key {bad!r}',
                                     lambda: p.push(StreamEvent('ev-42', bad, 1, 1)), 'key', 'ev-42')

    def test_bad_time_or_value(self):
        """[R17] rejects a bad time or value with a ValueError naming the field and the event"""
        p = pipeline()
        for bad in (-1, 1.5, float('nan'), float('inf')):
            with self.subTest(time=bad):
                assert_raises_naming(self, ValueError, f'time {bad!r}',
                                     lambda: p.push(StreamEvent('ev-7', 'k', bad, 1)), 'time', 'ev-7')
        for bad in ('3', None):
            with self.subTest(time=bad):
                assert_raises_naming(self, (TypeError, ValueError), f'time {bad!r}',
                                     lambda: p.push(StreamEvent('ev-7', 'k', bad, 1)), 'time', 'ev-7')
        for bad in (float('nan'), float('inf'), float('-inf')):
            with self.subTest(value=bad):
                assert_raises_naming(self, ValueError, f'value {bad!r}',
                                     lambda: p.push(StreamEvent('ev-8', 'k', 1, bad)), 'value', 'ev-8')
        for bad in ('3', None):
            with self.subTest(value=bad):
                assert_raises_naming(self, (TypeError, ValueError), f'value {bad!r}',
                                     lambda: p.push(StreamEvent('ev-8', 'k', 1, bad)), 'value', 'ev-8')
        self.assertEqual(p.push(ev('k', 0, -0.5)), 'accepted', 'time 0 and a negative value are fine')

    def test_bad_event_while_full(self):
        """[R17] rejects a bad event even when the buffer is full"""
        p = pipeline(capacity=1)
        p.push(ev('k', 1))
        p.push(ev('k', 11))
        self.assertEqual(p.push(ev('k', 12)), 'full', 'one result waits')
        assert_raises_naming(self, ValueError, 'time -5 while full', lambda: p.push(StreamEvent('ev-9', 'k', -5, 1)),
                             'time')

    def test_bool_is_not_a_number(self):
        """[R17][R18] treats a bool as no number and a whole float as an integer"""
        p = pipeline()
        assert_raises_naming(self, (TypeError, ValueError), 'time True', lambda: p.push(ev('k', True)), 'time')
        assert_raises_naming(self, (TypeError, ValueError), 'value True', lambda: p.push(ev('k', 1, True)), 'value')
        assert_raises_naming(self, (TypeError, ValueError), 'advance_to(True)', lambda: p.advance_to(True), 'time')
        assert_raises_naming(self, (TypeError, ValueError), 'poll(True)', lambda: p.poll(True), 'max_results')
        self.assertEqual(p.stats().accepted, 0, 'nothing was accepted')
        self.assertEqual(p.push(ev('k', 3.0)), 'accepted', 'time 3.0 is the integer 3')
        p.advance_to(10.0)
        self.assertEqual(p.poll(1.0), [result('k', 0, 10, [1])], 'advance_to(10.0) closes [0, 10); poll(1.0) takes one')

    def test_bad_heartbeat_and_poll(self):
        """[R18] rejects a bad heartbeat time and a bad poll size"""
        p = pipeline()
        for bad in (-1, 2.5, float('nan')):
            with self.subTest(time=bad):
                assert_raises_naming(self, ValueError, f'advance_to({bad!r})', lambda: p.advance_to(bad), 'time')
        for bad in ('5', None):
            with self.subTest(time=bad):
                assert_raises_naming(self, (TypeError, ValueError), f'advance_to({bad!r})',
                                     lambda: p.advance_to(bad), 'time')
        for bad in (0, -1, 1.5, float('nan')):
            with self.subTest(max_results=bad):
                assert_raises_naming(self, ValueError, f'poll({bad!r})', lambda: p.poll(bad), 'max_results')
        for bad in ('2', None):
            with self.subTest(max_results=bad):
                assert_raises_naming(self, (TypeError, ValueError), f'poll({bad!r})', lambda: p.poll(bad), 'max_results')

    def test_failed_call_changes_nothing(self):
        """[R19 push, advance_to, poll] a call that raises changes nothing, counters included"""
        p = pipeline(capacity=1)
        p.push(ev('k', 1))
        p.push(ev('k', 11))
        with self.assertRaises(TypeError, msg="an empty key"):
            p.push(StreamEvent('bad', '', 50, 1))
        with self.assertRaises(ValueError, msg='a NaN value'):
            p.push(StreamEvent('bad', 'k', 50, float('nan')))
        with self.assertRaises(ValueError, msg='advance_to(-1)'):
            p.advance_to(-1)
        with self.assertRaises(ValueError, msg='poll(0)'):
            p.poll(0)
        self.assertEqual(p.backlog, 1, 'the result is still waiting')
        self.assertEqual(p.watermark, 11, 'the newest event time is still 11')
        self.assertEqual(p.stats(), PipelineStats(accepted=2, duplicates=0, late=0, refused=0, open_windows=1,
                                                  tracked_ids=2), 'no counter moved')


# ---------------------------------------------------------------------------------------------------------
# Model-based test: the model keeps every accepted event in a list and derives windows, closing, ids and
# counters from the statement's definitions, recomputing them from scratch at each step.


class Expect(Exception):
    """Raised by the model: the call must raise this exception class."""

    def __init__(self, error):
        super().__init__()
        self.error = error


class Model:
    """The statement, literally."""

    def __init__(self, window_ms, allowed_lateness_ms, dedup_horizon_ms, capacity):
        self.window_ms = window_ms
        self.allowed_lateness_ms = allowed_lateness_ms
        self.dedup_horizon_ms = dedup_horizon_ms
        self.capacity = capacity
        self.newest = -math.inf
        self.accepted_events = []
        self.closed = set()  # (start, key)
        self.output = []
        self.accepted = self.duplicates = self.late = self.refused = 0

    @property
    def watermark(self):
        return self.newest - self.allowed_lateness_ms

    @property
    def backlog(self):
        return len(self.output)

    def start_of(self, time):
        return math.floor(time / self.window_ms) * self.window_ms

    def remembers(self, event_id):
        return any(e.id == event_id and self.newest - e.time < self.dedup_horizon_ms for e in self.accepted_events)

    def push(self, e):
        if e.key == '':
            raise Expect(TypeError)
        if e.time < 0 or not math.isfinite(e.value):
            raise Expect(ValueError)
        if len(self.output) >= self.capacity:
            self.refused += 1
            return 'full'
        if self.start_of(e.time) + self.window_ms <= self.watermark:
            self.late += 1
            return 'late'
        if self.remembers(e.id):
            self.duplicates += 1
            return 'duplicate'
        self.accepted_events.append(e)
        self.accepted += 1
        self.move_to(e.time)
        return 'accepted'

    def advance_to(self, time):
        self.move_to(time)

    def move_to(self, time):
        self.newest = max(self.newest, time)
        closing = sorted(w for w in self.open_windows() if w[0] + self.window_ms <= self.watermark)
        for start, key in closing:
            values = [e.value for e in self.accepted_events if e.key == key and self.start_of(e.time) == start]
            self.output.append(WindowResult(key, start, start + self.window_ms, len(values), sum(values),
                                            min(values), max(values)))
            self.closed.add((start, key))

    def open_windows(self):
        return {(self.start_of(e.time), e.key) for e in self.accepted_events} - self.closed

    def poll(self, max_results):
        if max_results < 1:
            raise Expect(ValueError)
        taken = self.output[:max_results]
        del self.output[:max_results]
        return taken

    def stats(self):
        tracked = {e.id for e in self.accepted_events if self.remembers(e.id)}
        return PipelineStats(self.accepted, self.duplicates, self.late, self.refused, len(self.open_windows()),
                             len(tracked))


def some_operation(rnd, model):
    """(method name, argument, text): pushes weigh the most; times are relative to the model's newest event
    time, so that most events land near the watermark."""
    base = model.newest if math.isfinite(model.newest) else 0
    pick = rnd.randrange(16)
    if pick < 10:
        event_id = rnd.choice(['e1', 'e2', 'e3', 'e4', 'e5', 'e6'])
        key = rnd.choice(['a', 'b', 'B'])
        # Mostly a little behind or ahead of the newest event time, sometimes far behind.
        time = max(0, base + rnd.randint(-20, 6))
        value = rnd.randint(-5, 5)
        # Now and then one field is broken, to check that a raising push changes nothing.
        bad = rnd.choice(['time', 'value', 'key']) if rnd.random() < 1 / 21 else None
        event = StreamEvent(event_id, '' if bad == 'key' else key, -1 if bad == 'time' else time,
                            math.nan if bad == 'value' else value)
        return 'push', event, f'push(StreamEvent{tuple(event)!r})'
    if pick < 12:
        time = max(0, base + rnd.randint(-5, 15))
        return 'advance_to', time, f'advance_to({time})'
    if pick < 15:
        max_results = 0 if rnd.random() < 1 / 9 else rnd.randint(1, 3)
        return 'poll', max_results, f'poll({max_results})'
    return 'stats', None, 'stats()'


def shown(value):
    """Results as 'key [start, end) count/sum/min/max', anything else as repr."""
    try:
        if isinstance(value, list):
            return '[' + ', '.join(f'{r.key} [{r.start}, {r.end}) {r.count}/{r.sum}/{r.min}/{r.max}'
                                   for r in value) + ']'
    except AttributeError:
        pass
    return repr(value)


def run_scenario(rnd):
    """Runs one random scenario on the solution and on the model; returns the divergence as a sentence, or None."""
    options = {
        'window_ms': 1 if rnd.random() < 0.25 else rnd.randint(2, 10),
        'allowed_lateness_ms': 0 if rnd.random() < 0.25 else rnd.randint(1, 15),
        'dedup_horizon_ms': 1 if rnd.random() < 0.2 else rnd.randint(2, 30),
        'capacity': 1 if rnd.random() < 0.3 else rnd.randint(2, 4),
    }
    done = ['StreamPipeline(' + ', '.join(f'{k}={v}' for k, v in options.items()) + ')']
    try:
        pipe = StreamPipeline(**options)
    except Exception as err:  # noqa: BLE001 - any exception is a divergence
        return f'{done[0]} raised {err!r}'
    model = Model(**options)
    for _ in range(rnd.randint(12, 30)):
        name, argument, text = some_operation(rnd, model)
        try:
            expected, error = (getattr(model, name)() if argument is None else getattr(model, name)(argument)), None
        except Expect as expect:
            expected, error = None, expect.error
        try:
            actual = getattr(pipe, name)() if argument is None else getattr(pipe, name)(argument)
            raised = None
        except Exception as err:  # noqa: BLE001 - any exception is a divergence
            actual, raised = None, err
        got = f'raised {raised!r}' if raised is not None else f'got {shown(actual)}'
        history = ', '.join(done)
        if error is not None:
            if not isinstance(raised, error):
                return f'{history}: {text} expected it to raise {error.__name__}, {got}'
            done.append(f'{text} raises {type(raised).__name__}')
        else:
            if raised is not None or actual != expected:
                return f'{history}: {text} expected {shown(expected)}, {got}'
            done.append(text if actual is None else f'{text} → {shown(actual)}')
        for what in ('backlog', 'watermark'):
            try:
                mine = getattr(pipe, what)
            except Exception as err:  # noqa: BLE001 - any exception is a divergence
                mine = err
            if mine != getattr(model, what):
                return f'{", ".join(done)}: then {what} expected {getattr(model, what)}, got {mine!r}'
    return None


class ModelBased(unittest.TestCase):
    """[model] random interleavings agree with a brute-force model"""

    def test_matches_model(self):
        """[model] matches the model over pushes, heartbeats and polls with every option range"""
        seed = 0x5EED60
        rnd = random.Random(seed)
        for scenario in range(100):
            divergence = run_scenario(rnd)
            if divergence:
                self.fail(f'{divergence} (seed {seed}, scenario {scenario})')


if __name__ == '__main__':
    unittest.main()
