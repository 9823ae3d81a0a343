"""Whether a value's comparisons are Python's own or code of the candidate's, for the harness's asserts.

`assertEqual(limiter.remaining("u"), 4)` runs `actual == 4`, and Python asks the actual value first: an
object whose `__eq__` always answers True would pass every such test without computing anything. That is
not an attack on the runner (screen.py has nothing to find), just a wrong solution that speaks the
comparison protocol, and TypeScript's tests are immune to it (chai compares values, never calls the
solution's own equality). So the harness's comparison asserts check both sides first: a value made of
plain data (built-in scalars and containers, all the way down) is never compared with one whose comparison
comes from a class the solution defined; the assert fails and says what came back.

Both sides made of such classes (say the solution's dataclass against one built from the solution's class)
are compared as Python would: the test chose to rely on the solution's equality.

Everything here is captured when the harness is imported, before any candidate code runs: the real `__mro__`,
`__dict__` and flags of a type are read through `type`'s own descriptors, which a metaclass cannot override.
"""

import collections
import datetime
import decimal
import enum
import fractions

_mro_of = type.__dict__["__mro__"].__get__
_dict_of = type.__dict__["__dict__"].__get__
_flags_of = type.__dict__["__flags__"].__get__
_HEAP_TYPE = 1 << 9  # Py_TPFLAGS_HEAPTYPE: a class made by a `class` statement, not built into Python
_type = type
_object = object

# Standard-library classes written in Python that define comparisons of their own, trusted by identity.
_KNOWN = frozenset({collections.Counter, collections.OrderedDict, collections.defaultdict, collections.deque,
                    collections.UserDict, collections.UserList, collections.UserString, fractions.Fraction,
                    decimal.Decimal, datetime.date, datetime.datetime, datetime.time, datetime.timedelta,
                    enum.Enum, enum.IntEnum, enum.StrEnum, enum.Flag, enum.IntFlag, enum.ReprEnum})

EQUALITY = ("__eq__", "__ne__", "__hash__")
ORDERING = EQUALITY + ("__lt__", "__le__", "__gt__", "__ge__")
TRUTH = ("__bool__", "__len__")

_CONTAINERS = (list, tuple, set, frozenset, collections.deque)
_MAX_NODES = 20000


def own_class(value, names):
    """The first class in `value`'s type whose own code defines one of `names`, or None when Python's does."""
    for klass in _mro_of(_type(value)):
        if klass is _object or not (_flags_of(klass) & _HEAP_TYPE) or klass in _KNOWN:
            continue
        own = _dict_of(klass)
        for name in names:
            if name in own:
                return klass
    return None


def first_own(value, names):
    """The first part of `value` (itself, or inside its built-in containers) whose class compares by its own
    code, or None when all of it is plain data. Stops looking after _MAX_NODES parts (None: plain enough)."""
    pending = [value]
    seen = 0
    while pending and seen < _MAX_NODES:
        item = pending.pop()
        seen += 1
        if own_class(item, names) is not None:
            return item
        if isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, _CONTAINERS):
            pending.extend(item)
    return None


def mismatch(first, second, names):
    """Why `first` and `second` cannot be compared fairly (one plain, one comparing by its own code), or None."""
    own_first = first_own(first, names)
    own_second = first_own(second, names)
    if (own_first is None) == (own_second is None):
        return None
    part = own_first if own_first is not None else own_second
    klass = own_class(part, names)
    return ("got a %s, whose comparison is its own code, where the test compares plain values; return plain "
            "data (numbers, strings, lists, dicts, tuples)" % getattr(klass, "__qualname__", "value"))
