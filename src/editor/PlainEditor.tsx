/**
 * The candidate's file as a plain text area while Monaco (several MB) loads, so a problem is readable and
 * typeable the moment it opens. Its edits go out through the same two callbacks as Monaco's (the whole text,
 * and the change as a log event), and the caret is handed to Monaco when it takes over (`CodeEditor`'s
 * `startSelection`). It imports nothing from Monaco.
 */
import { indentOfEditorLanguage } from '../core/languages/registry';
import { useEffect, useLayoutEffect, useRef, type KeyboardEvent, type MutableRefObject } from 'react';
import { diffAsChange } from '../core/session/textDiff';
import type { TextChange } from '../core/session/types';
import { exposeEditorText } from './testHook';

/** Offsets into the text, as a textarea reports them. */
export interface TextSelection {
  start: number;
  end: number;
}

interface Props {
  /** Monaco's language id of the file (its indentation comes from the registry). */
  language: string;
  value: string;
  onChange(code: string): void;
  onEdit?(changes: TextChange[]): void;
  /** Where the caret is, kept current while this area has focus; null until the user puts it here. */
  selection: MutableRefObject<TextSelection | null>;
  readOnly?: boolean;
  /** A key that would type was pressed while `readOnly` (a file the problem fixes): the workspace says why. */
  onReadOnlyEdit?(): void;
}

/** Marks the plain area, so Monaco knows it may take the focus from it (and from nothing else that takes text). */
export const PLAIN_EDITOR_ATTRIBUTE = 'data-plain-editor';

export function PlainEditor({ language, value, onChange, onEdit, selection, readOnly = false, onReadOnlyEdit }: Props) {
  const area = useRef<HTMLTextAreaElement>(null);
  const valueRef = useRef(value);
  valueRef.current = value;
  /** A caret to restore after a change made here (Tab, Enter) rather than by the browser. */
  const caretAfterRender = useRef<number | null>(null);

  useEffect(() => exposeEditorText('__rehearseEditorText', () => valueRef.current), []);

  useLayoutEffect(() => {
    const caret = caretAfterRender.current;
    if (caret === null || !area.current) return;
    caretAfterRender.current = null;
    area.current.setSelectionRange(caret, caret);
    remember();
  });

  function remember() {
    const t = area.current;
    if (t && document.activeElement === t) selection.current = { start: t.selectionStart, end: t.selectionEnd };
  }

  function apply(next: string) {
    const change = diffAsChange(valueRef.current, next);
    if (!change) return;
    onEdit?.([change]);
    onChange(next);
  }

  /** Replaces the selection with `text`, the way Monaco's Tab and Enter do, and puts the caret after it. */
  function insert(text: string) {
    const t = area.current;
    if (!t) return;
    const { selectionStart: start, selectionEnd: end } = t;
    caretAfterRender.current = start + text.length;
    apply(valueRef.current.slice(0, start) + text + valueRef.current.slice(end));
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.ctrlKey || e.metaKey || e.altKey || e.nativeEvent.isComposing) return;
    if (readOnly) {
      if (e.key.length === 1 || e.key === 'Enter' || e.key === 'Backspace' || e.key === 'Delete') onReadOnlyEdit?.();
      return;
    }
    if (e.key === 'Tab' && !e.shiftKey) {
      e.preventDefault();
      insert(' '.repeat(indentOfEditorLanguage(language)));
    } else if (e.key === 'Enter' && !e.shiftKey) {
      // A new line keeps the current line's indentation, as in the editor that takes over.
      e.preventDefault();
      const before = valueRef.current.slice(0, e.currentTarget.selectionStart);
      const indent = /^[ \t]*/.exec(before.slice(before.lastIndexOf('\n') + 1))?.[0] ?? '';
      insert(`\n${indent}`);
    }
  }

  return (
    <textarea
      ref={area}
      {...{ [PLAIN_EDITOR_ATTRIBUTE]: '' }}
      value={value}
      readOnly={readOnly}
      onChange={(e) => {
        apply(e.target.value);
        remember();
      }}
      onSelect={remember}
      onKeyDown={onKeyDown}
      spellCheck={false}
      autoCapitalize="off"
      autoComplete="off"
      autoCorrect="off"
      wrap="off"
      aria-label="Code (plain text until the editor has loaded)"
      className="block h-full w-full resize-none bg-(--editor-background) p-0 pl-16 pt-1 font-mono text-[14px] leading-[19px] text-slate-200 outline-none"
    />
  );
}
