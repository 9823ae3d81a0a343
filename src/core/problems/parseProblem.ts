/**
 * Parsing of a problem folder's Markdown files (problem.md front matter, followups.md).
 *
 * Pure: no Node or DOM APIs, so the app (via the catalog) and scripts/check-problems.ts share it.
 * Every error names the problem (its id, or the `source` passed in when the id is unknown) and the field.
 */
import { parse as parseYaml } from 'yaml';
import { findProtocol, PROTOCOLS } from '../timer/protocols';
import { BASELINE_GROUP, type Difficulty, type FollowUp, type ProblemKind, type ProblemMeta } from './types';

export const PROBLEM_KINDS: readonly ProblemKind[] = ['coding', 'design'];
export const DIFFICULTIES: readonly Difficulty[] = ['easy', 'medium', 'hard'];
const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export class ProblemFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProblemFormatError';
  }
}

function label(source: string | undefined): string {
  return source ? `problem "${source}"` : 'problem';
}

function splitFrontMatter(md: string, where: string): { yamlText: string; body: string } {
  // Tolerate a byte-order mark and Windows line endings.
  const text = md.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!text.startsWith('---\n')) {
    throw new ProblemFormatError(`${where}: problem.md must start with a "---" line opening the YAML front matter`);
  }
  const close = text.indexOf('\n---', 3);
  // The closing fence must be a whole line: "---" followed by a newline or the end of the file.
  let end = close;
  while (end !== -1) {
    const after = text.slice(end + 4);
    if (after === '' || after.startsWith('\n')) break;
    end = text.indexOf('\n---', end + 4);
  }
  if (end === -1) {
    throw new ProblemFormatError(`${where}: the front matter is not closed by a "---" line`);
  }
  const yamlText = text.slice(4, end + 1);
  const body = text.slice(end + 4).replace(/^\n/, '');
  return { yamlText, body };
}

function requireString(data: Record<string, unknown>, field: string, where: string): string {
  const value = data[field];
  if (value === undefined || value === null) {
    throw new ProblemFormatError(`${where}: front matter field "${field}" is missing`);
  }
  if (typeof value !== 'string') {
    throw new ProblemFormatError(`${where}: front matter field "${field}" must be a string, got ${describe(value)}`);
  }
  if (value.trim() === '') {
    throw new ProblemFormatError(`${where}: front matter field "${field}" must not be empty`);
  }
  return value.trim();
}

function requireEnum<T extends string>(
  data: Record<string, unknown>,
  field: string,
  allowed: readonly T[],
  where: string,
): T {
  const value = requireString(data, field, where);
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ProblemFormatError(
      `${where}: front matter field "${field}" must be one of ${allowed.join(' | ')}, got "${value}"`,
    );
  }
  return value as T;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

/** `stages:` is optional; when present, a list of at least two non-empty titles (problems/README.md, "Stages"). */
function parseStages(value: unknown, where: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.length < 2 || !value.every((t) => typeof t === 'string' && t.trim() !== '')) {
    throw new ProblemFormatError(`${where}: front matter field "stages" must be a list of at least two non-empty titles`);
  }
  return value.map((t: string) => t.trim());
}

const FEATURE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * `format: codebase` and its `features:` (Requirement 2, docs/decisions/files-and-languages.md): a list of
 * `{ id, title }` with kebab-case ids and titles unique, none of them the baseline group's title.
 */
function parseCodebase(fields: Record<string, unknown>, where: string): Pick<ProblemMeta, 'format' | 'features'> {
  const format = fields['format'];
  const features = fields['features'];
  if (format === undefined || format === null) {
    if (features !== undefined) throw new ProblemFormatError(`${where}: front matter field "features" needs "format: codebase"`);
    return {};
  }
  if (format !== 'codebase') throw new ProblemFormatError(`${where}: front matter field "format" must be "codebase", got ${describe(format)}`);
  if (!Array.isArray(features) || features.length === 0) {
    throw new ProblemFormatError(`${where}: front matter field "features" must be a list of { id, title } (Requirement 2)`);
  }
  const parsed = features.map((f: unknown, i) => {
    const item = (typeof f === 'object' && f !== null ? f : {}) as Record<string, unknown>;
    const id = item['id'];
    const title = item['title'];
    if (typeof id !== 'string' || !FEATURE_ID.test(id)) {
      throw new ProblemFormatError(`${where}: front matter "features" item ${i} needs a kebab-case "id"`);
    }
    if (typeof title !== 'string' || title.trim() === '' || title.trim() === BASELINE_GROUP) {
      throw new ProblemFormatError(`${where}: front matter "features" item ${i} needs a "title" other than "${BASELINE_GROUP}"`);
    }
    return { id, title: title.trim() };
  });
  for (const key of ['id', 'title'] as const) {
    const seen = new Set<string>();
    for (const f of parsed) {
      if (seen.has(f[key])) throw new ProblemFormatError(`${where}: front matter "features" lists the ${key} "${f[key]}" twice`);
      seen.add(f[key]);
    }
  }
  return { format: 'codebase', features: parsed };
}

/**
 * Splits problem.md into its validated front matter and Markdown body.
 * @param source what to call the problem in errors before its id is known (e.g. the folder name).
 *   When given, the front matter's `id` must equal it.
 */
export function parseFrontMatter(md: string, source?: string): { meta: ProblemMeta; body: string } {
  let where = label(source);
  const { yamlText, body } = splitFrontMatter(md, where);

  let data: unknown;
  try {
    data = parseYaml(yamlText);
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new ProblemFormatError(`${where}: the front matter is not valid YAML (${reason})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ProblemFormatError(`${where}: the front matter must be a YAML mapping of fields`);
  }
  const fields = data as Record<string, unknown>;

  const id = requireString(fields, 'id', where);
  if (!ID_PATTERN.test(id)) {
    throw new ProblemFormatError(`${where}: front matter field "id" must be kebab-case (a-z, 0-9, -), got "${id}"`);
  }
  if (source !== undefined && id !== source) {
    throw new ProblemFormatError(`${where}: front matter field "id" is "${id}" but must equal the folder name "${source}"`);
  }
  where = label(id);

  const tags = fields['tags'];
  if (tags === undefined || tags === null) {
    throw new ProblemFormatError(`${where}: front matter field "tags" is missing`);
  }
  if (!Array.isArray(tags)) {
    throw new ProblemFormatError(`${where}: front matter field "tags" must be an array of strings, got ${describe(tags)}`);
  }
  tags.forEach((tag, i) => {
    if (typeof tag !== 'string' || tag.trim() === '') {
      throw new ProblemFormatError(`${where}: front matter field "tags" item ${i} must be a non-empty string`);
    }
  });

  const meta: ProblemMeta = {
    id,
    title: requireString(fields, 'title', where),
    kind: requireEnum(fields, 'kind', PROBLEM_KINDS, where),
    difficulty: requireEnum(fields, 'difficulty', DIFFICULTIES, where),
    tags: (tags as string[]).map((t) => t.trim()),
    protocol: requireString(fields, 'protocol', where),
    summary: requireString(fields, 'summary', where),
  };
  if (!findProtocol(meta.protocol)) {
    const known = PROTOCOLS.map((p) => p.id).join(', ');
    throw new ProblemFormatError(`${where}: front matter field "protocol" is "${meta.protocol}", which is not one of ${known}`);
  }
  const stages = parseStages(fields['stages'], where);
  if (stages) meta.stages = stages;
  Object.assign(meta, parseCodebase(fields, where));
  return { meta, body };
}

/**
 * Parses followups.md: each `## ` heading is a question; the `-`/`*` bullets under it are the points.
 * Text before the first heading (e.g. a `# ` title) is ignored. Continuation lines indented under a
 * bullet are joined to it.
 * @param source the problem id, for error messages.
 */
export function parseFollowUps(md: string, source?: string): FollowUp[] {
  const where = label(source);
  const lines = md.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const result: FollowUp[] = [];
  let current: FollowUp | null = null;
  let lastBulletOpen = false;

  for (const [index, raw] of lines.entries()) {
    const line = raw.trimEnd();
    const heading = /^##\s+(.*)$/.exec(line);
    if (heading) {
      const question = heading[1]!.trim();
      if (question === '') {
        throw new ProblemFormatError(`${where}: followups.md line ${index + 1} has an empty "## " question`);
      }
      current = { question, points: [] };
      result.push(current);
      lastBulletOpen = false;
      continue;
    }
    if (current === null) continue;
    const bullet = /^\s{0,3}[-*+]\s+(.*)$/.exec(line);
    if (bullet) {
      const point = bullet[1]!.trim();
      if (point !== '') {
        current.points.push(point);
        lastBulletOpen = true;
      }
      continue;
    }
    if (line.trim() === '') {
      lastBulletOpen = false;
      continue;
    }
    if (lastBulletOpen && /^\s+\S/.test(line)) {
      const points: string[] = current.points;
      points[points.length - 1] = `${points[points.length - 1]} ${line.trim()}`;
    }
    // Other prose under a question is allowed and not part of the points.
  }

  if (result.length === 0) {
    throw new ProblemFormatError(`${where}: followups.md has no "## " questions`);
  }
  for (const followUp of result) {
    if (followUp.points.length === 0) {
      throw new ProblemFormatError(
        `${where}: followups.md question "${followUp.question}" has no bullet points saying what a strong answer covers`,
      );
    }
  }
  return result;
}
