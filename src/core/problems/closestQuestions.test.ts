import { describe, expect, it } from 'vitest';
import { closestQuestions, questionWords } from './closestQuestions';

const LISTED = [
  'How many new short links per day?',
  'How many redirects, and what is the read-to-write ratio?',
  'How long do links have to keep working?',
  'Can users pick their own alias?',
  'How short does the code need to be?',
  'Do we need analytics?',
];

describe('closestQuestions', () => {
  it('finds the listed question a typed one means, best first', () => {
    expect(closestQuestions('What is the traffic - how many links are created each day?', LISTED)[0]).toBe('How many new short links per day?');
    expect(closestQuestions('Should users be able to choose a custom alias?', LISTED)[0]).toBe('Can users pick their own alias?');
    expect(closestQuestions('do we track analytics on clicks', LISTED)).toEqual(['Do we need analytics?']);
  });

  it('offers nothing for a question that shares no meaningful word, or an empty one', () => {
    expect(closestQuestions('Which cloud provider?', LISTED)).toEqual([]);
    expect(closestQuestions('   ', LISTED)).toEqual([]);
    expect(closestQuestions('how many are there?', LISTED)).toEqual([]);
  });

  it('gives at most the limit, ties in listed order', () => {
    expect(closestQuestions('links', LISTED, 2)).toEqual(['How many new short links per day?', 'How long do links have to keep working?']);
  });

  it('leaves out small words and a plural s', () => {
    expect([...questionWords('How many Users are there?')]).toEqual(['user']);
  });
});
