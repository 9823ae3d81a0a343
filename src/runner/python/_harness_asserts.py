"""The comparison asserts as the harness runs them (harness.py): on failure each remembers both values for the
Expected / Actual panes, and a pass that rested on a comparison the solution's own class wrote, against plain
data, is a failure (_plain_values.py says why). Standard library only; runs under CPython 3.11+ and Pyodide.
"""

import unittest

import _plain_values
from _harness_report import show

# Captured before any candidate code runs.
_TestCase = unittest.TestCase


def _wrap_comparison(name, names):
    """assertEqual(actual, expected): on failure, remember both for the Expected / Actual panes. A pass
    that rested on a comparison the solution's own class wrote, against plain data, is a failure
    (_plain_values.py says why)."""
    original = getattr(_TestCase, name)
    mismatch = _plain_values.mismatch

    def compare(self, first, second, *args, **kwargs):
        try:
            outcome = original(self, first, second, *args, **kwargs)
        except self.failureException as error:
            if not hasattr(error, "rehearse_expected"):
                error.rehearse_expected = show(second)
                error.rehearse_actual = show(first)
            raise
        if names:
            why = mismatch(first, second, names)
            if why is not None:
                error = self.failureException(why)
                error.rehearse_expected = show(second)
                error.rehearse_actual = show(first)
                raise error
        return outcome

    compare.__name__ = name
    compare.__doc__ = original.__doc__
    compare.__wrapped_by_rehearse__ = True
    return compare


# Each comparison assert, with the comparison methods a pass of it rests on (None: it rests on none that
# a solution's class could answer falsely in its favour, or answers "different", which hides no bug).
_COMPARISONS = {
    "assertEqual": _plain_values.EQUALITY, "assertAlmostEqual": _plain_values.EQUALITY,
    "assertListEqual": _plain_values.EQUALITY, "assertDictEqual": _plain_values.EQUALITY,
    "assertTupleEqual": _plain_values.EQUALITY, "assertSetEqual": _plain_values.EQUALITY,
    "assertSequenceEqual": _plain_values.EQUALITY, "assertCountEqual": _plain_values.EQUALITY,
    "assertMultiLineEqual": _plain_values.EQUALITY, "assertIn": _plain_values.EQUALITY,
    "assertGreater": _plain_values.ORDERING, "assertGreaterEqual": _plain_values.ORDERING,
    "assertLess": _plain_values.ORDERING, "assertLessEqual": _plain_values.ORDERING,
    "assertNotEqual": None, "assertIs": None, "assertIsNot": None,
}


def wrap_comparisons():
    """Replaces TestCase's comparison asserts with the wrapped ones, once (the harness calls it when it is
    imported, before any candidate code exists)."""
    for name, names in _COMPARISONS.items():
        if not getattr(getattr(_TestCase, name), "__wrapped_by_rehearse__", False):
            setattr(_TestCase, name, _wrap_comparison(name, names))
