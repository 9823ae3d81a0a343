/**
 * The project's files as an ARIA tree named "Files" (the tree view pattern): folders are expandable items
 * holding a group, each file an item named by its path, the file in the editor selected. The keyboard walks
 * the visible items (↑ ↓ Home End), → opens a folder or enters it, ← closes it or goes to its folder, and
 * Enter or Space opens a file or toggles a folder; one item at a time is in the Tab order. A file's mark
 * (changed, new, read-only) is its description.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { buildFileTree, fileMark, foldersOf, visibleItems, type FileMark, type TreeNode } from '../../../core/files/fileTree';
import { useWorkspace } from '../useWorkspace';

const MARK_TEXT: Record<Exclude<FileMark, null>, string> = { changed: 'changed', new: 'new', 'read-only': 'read-only' };
const MARK_STYLE: Record<Exclude<FileMark, null>, string> = {
  changed: 'text-amber-300',
  new: 'text-emerald-300',
  'read-only': 'text-slate-400',
};

/** An id for an element that describes `path` (paths may hold characters an id should not). */
const markId = (path: string) => `file-mark-${Array.from(path, (c) => c.charCodeAt(0).toString(36)).join('-')}`;

export function FilesTree({ focusRequest }: { focusRequest?: { path: string; seq: number } | null }) {
  const paths = useWorkspace((s) => s.paths);
  const files = useWorkspace((s) => s.files);
  const received = useWorkspace((s) => s.received);
  const active = useWorkspace((s) => s.activeFile);
  const { openFile } = useWorkspace.getState();
  const tree = useMemo(() => buildFileTree(paths), [paths]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [focused, setFocused] = useState<string | null>(null);
  const list = useRef<HTMLUListElement>(null);

  // The file shown in the editor is always findable: opening one (a link, quick open) opens its folders.
  useEffect(() => {
    setCollapsed((c) => {
      const holding = foldersOf(active).filter((f) => c.has(f));
      return holding.length === 0 ? c : new Set([...c].filter((f) => !holding.includes(f)));
    });
  }, [active]);

  const items = useMemo(() => visibleItems(tree, collapsed), [tree, collapsed]);
  const current = items.find((i) => i.node.path === focused) ?? items.find((i) => i.node.path === active) ?? items[0] ?? null;

  function focusItem(path: string) {
    setFocused(path);
    list.current?.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`)?.focus();
  }

  // After a rename or a delete the panel asks for an item to take the focus (the one renamed, the one shown).
  useEffect(() => {
    if (!focusRequest) return;
    setFocused(focusRequest.path);
    list.current?.querySelector<HTMLElement>(`[data-path="${CSS.escape(focusRequest.path)}"]`)?.focus();
  }, [focusRequest]);

  const toggle = (path: string, open?: boolean) =>
    setCollapsed((c) => {
      const next = new Set(c);
      if (open ?? next.has(path)) next.delete(path);
      else next.add(path);
      return next;
    });

  function activate(node: TreeNode) {
    setFocused(node.path);
    if (node.kind === 'folder') toggle(node.path);
    else openFile(node.path);
  }

  function onKeyDown(e: KeyboardEvent<HTMLUListElement>) {
    if (!current || e.altKey || e.ctrlKey || e.metaKey) return;
    const at = items.indexOf(current);
    const node = current.node;
    const isOpenFolder = node.kind === 'folder' && !collapsed.has(node.path);
    const go = (i: number) => items[i] && focusItem(items[i]!.node.path);
    const keys: Record<string, () => void> = {
      ArrowDown: () => go(at + 1),
      ArrowUp: () => go(at - 1),
      Home: () => go(0),
      End: () => go(items.length - 1),
      ArrowRight: () => {
        if (node.kind !== 'folder') return;
        if (isOpenFolder) go(at + 1);
        else toggle(node.path, true);
      },
      ArrowLeft: () => {
        if (isOpenFolder) toggle(node.path, false);
        else if (current.parent !== null) focusItem(current.parent);
      },
      Enter: () => activate(node),
      ' ': () => activate(node),
    };
    const action = keys[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  }

  const renderNodes = (nodes: readonly TreeNode[], level: number) =>
    nodes.map((node) => {
      const isFolder = node.kind === 'folder';
      const open = isFolder && !collapsed.has(node.path);
      const mark = isFolder ? null : fileMark(node.path, files, received);
      return (
        <li
          key={node.path}
          role="treeitem"
          aria-label={node.path}
          aria-level={level}
          aria-expanded={isFolder ? open : undefined}
          aria-selected={isFolder ? undefined : node.path === active}
          aria-describedby={mark ? markId(node.path) : undefined}
          tabIndex={current?.node.path === node.path ? 0 : -1}
          data-path={node.path}
          className="outline-none [&:focus-visible>div]:ring-1 [&:focus-visible>div]:ring-sky-500"
          onClick={(e) => {
            e.stopPropagation();
            activate(node);
          }}
          onFocus={(e) => {
            if (e.target === e.currentTarget) setFocused(node.path);
          }}
        >
          <div
            className={`flex cursor-pointer items-center gap-1 truncate rounded px-1 py-0.5 text-sm ${
              node.path === active ? 'bg-slate-700 text-slate-50' : 'text-slate-300 hover:bg-slate-800'
            }`}
            style={{ paddingLeft: `${0.25 + (level - 1) * 0.9}rem` }}
            title={node.path}
          >
            <span aria-hidden="true" className="w-3 shrink-0 text-xs text-slate-500">
              {isFolder ? (open ? '▾' : '▸') : ''}
            </span>
            <span className="truncate">{node.name}</span>
            {mark && (
              <span id={markId(node.path)} className={`ml-auto shrink-0 text-[0.65rem] ${MARK_STYLE[mark]}`}>
                {MARK_TEXT[mark]}
              </span>
            )}
          </div>
          {isFolder && open && <ul role="group">{renderNodes(node.children, level + 1)}</ul>}
        </li>
      );
    });

  return (
    <ul ref={list} role="tree" aria-label="Files" className="min-h-0 flex-1 overflow-auto px-1 py-1" onKeyDown={onKeyDown}>
      {renderNodes(tree, 1)}
    </ul>
  );
}
