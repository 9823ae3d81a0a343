import { describe, expect, it } from 'vitest';
import { countListItems } from './planNotes';

describe('countListItems', () => {
  it('counts bullets of every kind and numbered items', () => {
    expect(countListItems('- empty\n* one\n+ many\n1. negative\n2) huge')).toBe(5);
  });
  it('counts nested items', () => {
    expect(countListItems('- inputs\n  - empty array\n    1. with nulls')).toBe(3);
  });
  it('skips empty items, a lone task box and thematic breaks', () => {
    expect(countListItems('- \n-\n- [ ]\n---\n* * *\n- [x] done')).toBe(1);
  });
  it('skips headings, quotes, prose and code fences', () => {
    expect(countListItems('## Plan\n> guidance\nJust prose - with a dash\n```\n- not a list\n```\n-not a list either')).toBe(0);
  });
  it('reads Windows line endings', () => {
    expect(countListItems('- a\r\n- b\r\n')).toBe(2);
  });
  it('is zero for empty notes', () => {
    expect(countListItems('')).toBe(0);
  });
});
