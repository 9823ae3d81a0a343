import { describe, expect, it } from 'vitest';
import { enumeratePythonTests } from './enumeratePythonTests';

const SOURCE = `import unittest
from solution import add


class Sums(unittest.TestCase):
    """Sums [R1]

    More words that are not the title.
    """

    def setUp(self):
        self.x = 1

    def test_zero(self):
        """adds zero"""
        self.assertEqual(add(0, 0), 0)

    def helper(self):
        def test_nested():
            """not a test of the class"""

    async def test_async(
        self,
    ):
        '''[R2] awaits "quoted" things'''

    def test_no_doc(self):
        pass


def test_module_level():
    """not in a class"""


class Other(unittest.TestCase):
    def test_escaped(self):
        "it\\'s one line"
`;

describe('enumeratePythonTests', () => {
  it('lists test methods in written order with the harness titles', () => {
    expect(enumeratePythonTests(SOURCE)).toEqual([
      { path: ['Sums [R1]'], title: 'adds zero' },
      { path: ['Sums [R1]'], title: '[R2] awaits "quoted" things' },
      { path: ['Sums [R1]'], title: 'no doc' },
      { path: ['Other'], title: "it's one line" },
    ]);
  });
});

describe('enumeratePythonTests with escaped quotes', () => {
  it('does not end a docstring at an escaped quote', () => {
    const source = 'class A(unittest.TestCase):\n    def test_a(self):\n        """names "nodes\\""""\n';
    expect(enumeratePythonTests(source)).toEqual([{ path: ['A'], title: 'names "nodes"' }]);
  });
});
