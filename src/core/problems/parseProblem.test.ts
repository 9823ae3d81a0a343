import { describe, expect, it } from 'vitest';
import { parseFollowUps, parseFrontMatter, ProblemFormatError } from './parseProblem';

const VALID = `---
id: token-bucket
title: Token-bucket rate limiter
kind: coding
difficulty: medium
tags: [rate-limiting, time]
protocol: coding-45
summary: Limit requests per user with a refilling bucket.
---
# Statement

Body text.
`;

function withField(field: string, line: string | null): string {
  const lines = VALID.split('\n');
  const i = lines.findIndex((l) => l.startsWith(`${field}:`));
  if (line === null) lines.splice(i, 1);
  else lines[i] = line;
  return lines.join('\n');
}

describe('parseFrontMatter', () => {
  it('returns typed metadata and the body after the closing fence', () => {
    const { meta, body } = parseFrontMatter(VALID, 'token-bucket');
    expect(meta).toEqual({
      id: 'token-bucket',
      title: 'Token-bucket rate limiter',
      kind: 'coding',
      difficulty: 'medium',
      tags: ['rate-limiting', 'time'],
      protocol: 'coding-45',
      summary: 'Limit requests per user with a refilling bucket.',
    });
    expect(body).toBe('# Statement\n\nBody text.\n');
  });

  it('accepts CRLF line endings and a byte-order mark', () => {
    const { meta, body } = parseFrontMatter('\uFEFF' + VALID.replace(/\n/g, '\r\n'));
    expect(meta.id).toBe('token-bucket');
    expect(body).toBe('# Statement\n\nBody text.\n');
  });

  it('accepts block-style tag lists and comments after values', () => {
    const md = withField('tags', 'tags:\n  - a\n  - b').replace('kind: coding', 'kind: coding   # coding | design');
    const { meta } = parseFrontMatter(md);
    expect(meta.tags).toEqual(['a', 'b']);
    expect(meta.kind).toBe('coding');
  });

  it('does not treat a "---" inside the body as the closing fence', () => {
    const { body } = parseFrontMatter(VALID + '\n---\nmore\n');
    expect(body).toContain('more');
  });

  it('accepts an empty body', () => {
    const md = VALID.slice(0, VALID.indexOf('# Statement')).replace(/\n$/, '');
    expect(parseFrontMatter(md).body).toBe('');
  });

  it('rejects a file without front matter', () => {
    expect(() => parseFrontMatter('# Title\n', 'x')).toThrow(/problem "x".*must start with a "---"/);
  });

  it('rejects unclosed front matter', () => {
    expect(() => parseFrontMatter('---\nid: a\n', 'a')).toThrow(/not closed/);
  });

  it('rejects invalid YAML naming the problem', () => {
    expect(() => parseFrontMatter('---\nid: [a\n---\n', 'a')).toThrow(/problem "a".*not valid YAML/);
  });

  it('rejects front matter that is not a mapping', () => {
    expect(() => parseFrontMatter('---\n- a\n---\n', 'a')).toThrow(/mapping/);
  });

  for (const field of ['id', 'title', 'kind', 'difficulty', 'tags', 'protocol', 'summary']) {
    it(`names the missing field "${field}"`, () => {
      expect(() => parseFrontMatter(withField(field, null), 'token-bucket')).toThrow(
        new RegExp(`problem "token-bucket".*"${field}" is missing`),
      );
    });
  }

  it('rejects an id that differs from the folder name', () => {
    expect(() => parseFrontMatter(VALID, 'rate-limiter')).toThrow(
      /"id" is "token-bucket" but must equal the folder name "rate-limiter"/,
    );
  });

  it('rejects an id that is not kebab-case', () => {
    expect(() => parseFrontMatter(withField('id', 'id: Token_Bucket'))).toThrow(/kebab-case/);
  });

  it('rejects an unknown kind and lists the allowed values', () => {
    expect(() => parseFrontMatter(withField('kind', 'kind: puzzle'))).toThrow(
      /problem "token-bucket".*"kind" must be one of coding \| design, got "puzzle"/,
    );
  });

  it('rejects an unknown difficulty', () => {
    expect(() => parseFrontMatter(withField('difficulty', 'difficulty: trivial'))).toThrow(
      /"difficulty" must be one of easy \| medium \| hard/,
    );
  });

  it('rejects tags that are not an array', () => {
    expect(() => parseFrontMatter(withField('tags', 'tags: time'))).toThrow(/"tags" must be an array/);
  });

  it('rejects a tag that is not a string', () => {
    expect(() => parseFrontMatter(withField('tags', 'tags: [a, 3]'))).toThrow(/"tags" item 1/);
  });

  it('rejects a non-string title and an empty summary', () => {
    expect(() => parseFrontMatter(withField('title', 'title: 42'))).toThrow(/"title" must be a string/);
    expect(() => parseFrontMatter(withField('summary', 'summary: ""'))).toThrow(/"summary" must not be empty/);
  });

  it('throws ProblemFormatError', () => {
    expect(() => parseFrontMatter('nope')).toThrow(ProblemFormatError);
  });
});

describe('parseFollowUps', () => {
  it('turns each "## " heading into a question with its bullets as points', () => {
    const md = `# Follow-ups

## How would you scale it?
- shared store
- atomic updates

## What about memory?
* evict idle users
`;
    expect(parseFollowUps(md)).toEqual([
      { question: 'How would you scale it?', points: ['shared store', 'atomic updates'] },
      { question: 'What about memory?', points: ['evict idle users'] },
    ]);
  });

  it('joins indented continuation lines to the previous point and ignores prose', () => {
    const md = '## Q?\nSome context.\n- first part\n  second part\n- next\n';
    expect(parseFollowUps(md)).toEqual([{ question: 'Q?', points: ['first part second part', 'next'] }]);
  });

  it('does not treat "### " sub-headings as questions', () => {
    const md = '## Q?\n- a\n### detail\n- b\n';
    expect(parseFollowUps(md)).toEqual([{ question: 'Q?', points: ['a', 'b'] }]);
  });

  it('rejects a file with no questions, naming the problem', () => {
    expect(() => parseFollowUps('# Only a title\n- a', 'lru-ttl')).toThrow(/problem "lru-ttl".*no "## " questions/);
  });

  it('rejects a question without points', () => {
    expect(() => parseFollowUps('## Q1?\n- a\n## Q2?\n', 'x')).toThrow(/"Q2\?" has no bullet points/);
  });
});

describe('codebase front matter', () => {
  const base = `---\nid: desk\ntitle: Desk\nkind: coding\ndifficulty: hard\ntags: [x]\nprotocol: pairing-120\nsummary: s\n`;
  it('reads format and features', () => {
    const { meta } = parseFrontMatter(`${base}format: codebase\nfeatures:\n  - { id: typing, title: Typing indicator }\n  - { id: receipts, title: Read receipts }\n---\nBody`);
    expect(meta.format).toBe('codebase');
    expect(meta.features).toEqual([
      { id: 'typing', title: 'Typing indicator' },
      { id: 'receipts', title: 'Read receipts' },
    ]);
  });
  it.each([
    ['features without the format', 'features:\n  - { id: a, title: A }\n', /needs "format: codebase"/],
    ['an unknown format', 'format: multi\nfeatures:\n  - { id: a, title: A }\n', /must be "codebase"/],
    ['no features', 'format: codebase\n', /must be a list/],
    ['a bad id', 'format: codebase\nfeatures:\n  - { id: A B, title: A }\n', /kebab-case/],
    ['the baseline title', 'format: codebase\nfeatures:\n  - { id: a, title: Requirement 1 }\n', /other than/],
    ['a duplicate title', 'format: codebase\nfeatures:\n  - { id: a, title: A }\n  - { id: b, title: A }\n', /twice/],
  ])('refuses %s', (_, yaml, message) => {
    expect(() => parseFrontMatter(`${base}${yaml}---\nBody`)).toThrow(message);
  });
});
