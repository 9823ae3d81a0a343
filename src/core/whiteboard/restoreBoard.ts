/**
 * Board elements come from Excalidraw, from IndexedDB and from imported bundles: each is restored, not
 * trusted. Only the fields that draw something are kept, each with its type checked and its size capped,
 * so a damaged or hostile element is dropped (or trimmed) instead of reaching the replay or the SVG export.
 */
import { isFiniteNumber, isObject, type Loose } from '../records/guards';
import { BOARD_ELEMENT_TYPES, type BoardBinding, type BoardDraft, type BoardElement, type BoardElementType } from './types';

/** Longest text of one element (a label or a note on the board), characters. */
export const MAX_TEXT_CHARS = 10_000;
/** Most points of one line, arrow or freehand stroke. */
export const MAX_POINTS = 20_000;
/** Most elements on one board. */
export const MAX_ELEMENTS = 5_000;
const MAX_ID_CHARS = 100;
const MAX_STYLE_CHARS = 40;

/** -0 becomes 0: the log goes through JSON in a bundle, which has no -0, and must read back equal. */
const n = (v: number): number => (v === 0 ? 0 : v);

const shortString = (v: unknown, max = MAX_STYLE_CHARS): v is string => typeof v === 'string' && v.length <= max;

function restorePoints(v: unknown): [number, number][] | null {
  if (!Array.isArray(v) || v.length > MAX_POINTS) return null;
  const points: [number, number][] = [];
  for (const p of v) {
    if (!Array.isArray(p) || p.length < 2 || !isFiniteNumber(p[0]) || !isFiniteNumber(p[1])) return null;
    points.push([n(p[0]), n(p[1])]);
  }
  return points;
}

function restoreBinding(v: unknown): BoardBinding | null {
  if (!isObject(v) || !shortString(v.elementId, MAX_ID_CHARS)) return null;
  return { elementId: v.elementId, focus: isFiniteNumber(v.focus) ? n(v.focus) : 0, gap: isFiniteNumber(v.gap) ? n(v.gap) : 0 };
}

/** Optional fields: copied only when their type is right (Excalidraw fills the rest when it loads them). */
function copyOptional(from: Loose, to: BoardElement): void {
  for (const key of ['roughness', 'fontSize', 'fontFamily', 'lineHeight', 'seed', 'versionNonce'] as const) {
    if (isFiniteNumber(from[key])) to[key] = n(from[key]);
  }
  for (const key of ['fillStyle', 'strokeStyle', 'textAlign', 'verticalAlign'] as const) {
    if (shortString(from[key])) to[key] = from[key];
  }
  for (const key of ['startArrowhead', 'endArrowhead'] as const) {
    if (from[key] === null || shortString(from[key])) to[key] = from[key];
  }
  for (const key of ['locked', 'simulatePressure', 'autoResize', 'elbowed'] as const) {
    if (typeof from[key] === 'boolean') to[key] = from[key];
  }
  for (const key of ['text', 'originalText'] as const) {
    if (typeof from[key] === 'string') to[key] = (from[key] as string).slice(0, MAX_TEXT_CHARS);
  }
  if (from.containerId === null || shortString(from.containerId, MAX_ID_CHARS)) to.containerId = from.containerId;
  for (const key of ['startBinding', 'endBinding'] as const) {
    if (from[key] === null) to[key] = null;
    else if (from[key] !== undefined) to[key] = restoreBinding(from[key]);
  }
  if (isObject(from.roundness) && isFiniteNumber(from.roundness.type)) {
    to.roundness = isFiniteNumber(from.roundness.value)
      ? { type: from.roundness.type, value: n(from.roundness.value) }
      : { type: from.roundness.type };
  } else if (from.roundness === null) to.roundness = null;
  if (Array.isArray(from.groupIds)) to.groupIds = from.groupIds.filter((g) => shortString(g, MAX_ID_CHARS)).slice(0, 50);
  if (Array.isArray(from.boundElements)) {
    to.boundElements = from.boundElements
      .filter((b): b is Loose => isObject(b) && shortString(b.id, MAX_ID_CHARS) && (b.type === 'arrow' || b.type === 'text'))
      .map((b) => ({ id: b.id, type: b.type }))
      .slice(0, 500);
  } else if (from.boundElements === null) to.boundElements = null;
  if (Array.isArray(from.pressures)) to.pressures = from.pressures.filter(isFiniteNumber).slice(0, MAX_POINTS).map(n);
  if (from.points !== undefined) {
    const points = restorePoints(from.points);
    if (points) to.points = points;
  }
}

/** One element, or null when a required field is missing or wrong. */
export function restoreBoardElement(v: unknown): BoardElement | null {
  if (!isObject(v)) return null;
  if (!shortString(v.id, MAX_ID_CHARS) || v.id === '' || !BOARD_ELEMENT_TYPES.includes(v.type as BoardElementType)) return null;
  if (!Number.isInteger(v.version) || (v.version as number) < 0) return null;
  const numbers = ['x', 'y', 'width', 'height'] as const;
  if (!numbers.every((k) => isFiniteNumber(v[k]))) return null;
  const element: BoardElement = {
    id: v.id,
    type: v.type as BoardElementType,
    version: v.version as number,
    x: n(v.x as number),
    y: n(v.y as number),
    width: n(v.width as number),
    height: n(v.height as number),
    angle: isFiniteNumber(v.angle) ? n(v.angle) : 0,
    isDeleted: v.isDeleted === true,
    strokeColor: shortString(v.strokeColor) ? v.strokeColor : '#1e1e1e',
    backgroundColor: shortString(v.backgroundColor) ? v.backgroundColor : 'transparent',
    strokeWidth: isFiniteNumber(v.strokeWidth) && v.strokeWidth > 0 ? v.strokeWidth : 2,
    opacity: isFiniteNumber(v.opacity) ? Math.min(100, Math.max(0, v.opacity)) : 100,
    index: shortString(v.index, MAX_ID_CHARS) ? v.index : null,
  };
  copyOptional(v, element);
  // A line without its points cannot be drawn: drop it rather than guess.
  if ((element.type === 'arrow' || element.type === 'line' || element.type === 'freedraw') && !Array.isArray(element.points)) return null;
  if (element.type === 'text' && typeof element.text !== 'string') return null;
  return element;
}

/** A list of elements: malformed ones are dropped, at most MAX_ELEMENTS kept, one per id (the last wins). */
export function restoreBoardElements(v: unknown): BoardElement[] {
  if (!Array.isArray(v)) return [];
  const byId = new Map<string, BoardElement>();
  for (const raw of v.slice(0, MAX_ELEMENTS)) {
    const element = restoreBoardElement(raw);
    if (element) byId.set(element.id, element);
  }
  return [...byId.values()];
}

/** The board event's payload from the log or a bundle line, or null when it holds nothing usable. */
export function restoreBoardChange(v: Loose): { elements: BoardElement[]; full?: true } | null {
  if (!Array.isArray(v.elements)) return null;
  const elements = restoreBoardElements(v.elements);
  if (elements.length === 0 && v.full !== true) return null;
  return v.full === true ? { elements, full: true } : { elements };
}

/** The autosaved board draft (JSON text), or null when it is not one. */
export function parseBoardDraft(text: string): BoardDraft | null {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(v) || v.format !== 'rehearse-whiteboard' || v.version !== 1) return null;
  return { format: 'rehearse-whiteboard', version: 1, elements: restoreBoardElements(v.elements) };
}

export function serialiseBoardDraft(elements: readonly BoardElement[]): string {
  const draft: BoardDraft = { format: 'rehearse-whiteboard', version: 1, elements: [...elements] };
  return JSON.stringify(draft);
}
