"""The comparison asserts as the harness runs them (harness.py): on failure each remembers both values for the
Expected / Actual panes, and a pass that rested on a comparison the solution's own class wrote, against plain
data, is a failure (_plain_values.py says why). Standard library only; runs under CPython 3.11+ and Pyodide.
"""

import re
import unittest

import _plain_values
from _harness_report import show

# Captured before any candidate code runs.
_TestCase = unittest.TestCase
_search = re.search
_escape = re.escape
_IGNORECASE = re.IGNORECASE
_WORD_CHAR = re.compile(r"[^\W_]").match  # letters and digits; `_` separates words, as in TypeScript


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


def message_has_part(message, part):
    """Whether `message` contains `part` case-insensitively, not as a piece of a longer word: a part that
    starts or ends with a letter or digit must not continue a word there (`7` is not in `17`,
    `job-4` not in `job-42`). The same rule as the TypeScript helper (src/runner/testkit/expectMessage.ts)."""
    text = str(part)
    if not text.strip():
        return True
    before = r"(?<![^\W_])" if _WORD_CHAR(text[0]) else ""
    after = r"(?![^\W_])" if _WORD_CHAR(text[-1]) else ""
    return _search(before + _escape(text) + after, message, _IGNORECASE) is not None


def _assert_message(self, error, *parts, msg=None):
    """self.assertMessage(error, 'capacity', 'positive'): the error's message (str(error)) contains every
    part, in any order and any case, each as a whole word (problems/README.md, "Message checks")."""
    if not isinstance(error, BaseException):
        failure = self.failureException(self._formatMessage(
            msg, "expected an exception with a message containing %s, got %r" % (_quote(parts), error)))
        failure.rehearse_expected = "a message containing " + _quote(parts)
        failure.rehearse_actual = show(error)
        raise failure
    message = str(error)
    missing = [str(p) for p in parts if not message_has_part(message, p)]
    if missing:
        failure = self.failureException(self._formatMessage(
            msg, "expected the message to contain %s (words in any order and any case), got %r"
            % (_quote(missing), message)))
        failure.rehearse_expected = "a message containing " + _quote(parts)
        failure.rehearse_actual = repr(message)
        raise failure


def _quote(parts):
    return ", ".join(repr(str(p)) for p in parts)


def add_message_assert():
    """Gives TestCase `assertMessage`, once (the harness calls it when it is imported, before any candidate
    code exists)."""
    if not hasattr(_TestCase, "assertMessage"):
        _TestCase.assertMessage = _assert_message
