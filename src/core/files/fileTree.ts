/**
 * The project's files as the Files tree shows them: folders and files nested from the paths (in tree order,
 * core/files/paths.ts `sortPaths`), what each file's mark is (changed, new, read-only), and which items a
 * keyboard walks through when some folders are collapsed (the ARIA tree pattern moves among visible items).
 * Pure, so the tree component only renders it.
 */
import { sortPaths } from './paths';

export interface FolderNode {
  kind: 'folder';
  /** The folder's path, e.g. 'chat' or 'chat/rooms'. */
  path: string;
  name: string;
  children: TreeNode[];
}

export interface FileNode {
  kind: 'file';
  path: string;
  name: string;
}

export type TreeNode = FolderNode | FileNode;

/** Folders first, then files, each level in the order `sortPaths` gives (a person's reading order). */
export function buildFileTree(paths: readonly string[]): TreeNode[] {
  const root: FolderNode = { kind: 'folder', path: '', name: '', children: [] };
  const folders = new Map<string, FolderNode>([['', root]]);
  for (const path of sortPaths(paths)) {
    const segments = path.split('/');
    let parent = root;
    for (let i = 0; i < segments.length - 1; i++) {
      const folderPath = segments.slice(0, i + 1).join('/');
      let folder = folders.get(folderPath);
      if (!folder) {
        folder = { kind: 'folder', path: folderPath, name: segments[i]!, children: [] };
        folders.set(folderPath, folder);
        parent.children.push(folder);
      }
      parent = folder;
    }
    parent.children.push({ kind: 'file', path, name: segments[segments.length - 1]! });
  }
  return root.children;
}

/** One item the tree shows, with what the ARIA tree pattern needs to move from it. */
export interface VisibleItem {
  node: TreeNode;
  /** 1 for the top level. */
  level: number;
  /** The folder holding it; null at the top level. */
  parent: string | null;
}

/** The items on screen, top to bottom: a collapsed folder's contents are left out. */
export function visibleItems(nodes: readonly TreeNode[], collapsed: ReadonlySet<string>): VisibleItem[] {
  const out: VisibleItem[] = [];
  const walk = (list: readonly TreeNode[], level: number, parent: string | null) => {
    for (const node of list) {
      out.push({ node, level, parent });
      if (node.kind === 'folder' && !collapsed.has(node.path)) walk(node.children, level + 1, node.path);
    }
  };
  walk(nodes, 1, null);
  return out;
}

/** The folders that hold `path`, outermost first ('a/b/c.ts' → ['a', 'a/b']). */
export function foldersOf(path: string): string[] {
  const segments = path.split('/');
  return segments.slice(0, -1).map((_, i) => segments.slice(0, i + 1).join('/'));
}

/** How a file differs from how the candidate received it. */
export type FileMark = 'new' | 'changed' | 'read-only' | null;

/**
 * A file's mark: 'new' when the candidate created it, 'changed' when its text differs from the starter's,
 * 'read-only' for a file the problem fixes (it cannot change); null when it is as received.
 */
export function fileMark(
  path: string,
  files: Readonly<Record<string, string>>,
  received: { files: Readonly<Record<string, string>>; readOnly: readonly string[] } | null,
): FileMark {
  if (!received) return null;
  if (received.readOnly.includes(path)) return 'read-only';
  if (!Object.hasOwn(received.files, path)) return 'new';
  return files[path] !== received.files[path] ? 'changed' : null;
}
