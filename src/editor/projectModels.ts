/**
 * One Monaco model per file of a project, kept in step with the engine's files: a model is made for every
 * file (so TypeScript's language service resolves imports between them, and each file has its language),
 * its text follows the engine's when the engine changes it (New attempt, a restored draft), and it is
 * disposed when its file goes. Changes made here are the engine's, not the candidate's: `isSyncing()` tells
 * the editor's change listener to ignore them.
 *
 * The models of one project live in a folder of their own (`file:///<problem>/<language>/`), so no two
 * problems or languages ever share a model.
 */
import { diffAsChange } from '../core/session/textDiff';
import { indentOfEditorLanguage, languageOfPath, languageSpec } from '../core/languages/registry';
import { monaco } from './monacoSetup';
import type { EditorMarker } from './markers';

type Model = monaco.editor.ITextModel;

const MARKER_OWNER = 'rehearse-runner';

/** Monaco's language for a file: its language in the registry, Markdown for notes, else plain text. */
export function monacoLanguageOfPath(path: string): string {
  const language = languageOfPath(path);
  if (language) return languageSpec(language).monacoLanguage;
  return /\.md$/i.test(path) ? 'markdown' : 'plaintext';
}

/** Python's convention is four spaces; the TypeScript starters use two. */
export const tabSizeOf = (path: string) => indentOfEditorLanguage(monacoLanguageOfPath(path));

export class ProjectModels {
  private readonly models = new Map<string, Model>();
  /** The text each model was last given from the engine: a file whose text is still that needs no look. */
  private readonly given = new Map<string, string>();
  private readonly shownMarkers = new Map<string, readonly EditorMarker[]>();
  private syncing = false;

  /** `projectKey` is `<problem>:<language>`. */
  constructor(private readonly projectKey: string) {}

  get folder(): string {
    return `file:///${this.projectKey.split(':').map(encodeURIComponent).join('/')}/`;
  }

  uriOf(path: string): monaco.Uri {
    return monaco.Uri.parse(`${this.folder}${path.split('/').map(encodeURIComponent).join('/')}`);
  }

  isSyncing(): boolean {
    return this.syncing;
  }

  get(path: string): Model | undefined {
    return this.models.get(path);
  }

  pathOf(model: Model | null): string | null {
    for (const [path, m] of this.models) if (m === model) return path;
    return null;
  }

  /** Makes a model for every file and gives each the engine's text. Files that went are disposed by `prune`. */
  sync(files: Readonly<Record<string, string>>): void {
    for (const [path, text] of Object.entries(files)) {
      const model = this.models.get(path);
      if (!model) {
        const uri = this.uriOf(path);
        // A model left at this path (an editor unmounted while keeping it) would otherwise be shown instead.
        monaco.editor.getModel(uri)?.dispose();
        const made = monaco.editor.createModel(text, monacoLanguageOfPath(path), uri);
        made.updateOptions({ tabSize: tabSizeOf(path), insertSpaces: true });
        this.models.set(path, made);
      } else if (this.given.get(path) !== text && model.getValue() !== text) {
        this.replaceText(model, text);
      }
      this.given.set(path, text);
    }
  }

  /** Disposes the models of files that are no longer in the project (after the editor left them). */
  prune(files: Readonly<Record<string, string>>): void {
    for (const [path, model] of this.models) {
      if (Object.hasOwn(files, path)) continue;
      model.dispose();
      this.models.delete(path);
      this.given.delete(path);
      this.shownMarkers.delete(path);
    }
  }

  disposeAll(): void {
    for (const model of this.models.values()) model.dispose();
    this.models.clear();
    this.given.clear();
    this.shownMarkers.clear();
  }

  /** Puts each file's markers on its model; a file whose markers did not change is not redrawn. */
  setMarkers(markers: Readonly<Record<string, readonly EditorMarker[]>>): void {
    for (const [path, model] of this.models) {
      const next = markers[path] ?? [];
      const shown = this.shownMarkers.get(path) ?? [];
      if (next === shown || (next.length === 0 && shown.length === 0)) continue;
      this.shownMarkers.set(path, next);
      monaco.editor.setModelMarkers(
        model,
        MARKER_OWNER,
        next.map((m) => ({
          severity: m.kind === 'compile' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
          message: m.message,
          startLineNumber: m.line,
          startColumn: m.column,
          endLineNumber: m.line,
          endColumn: m.column + Math.max(1, m.length),
        })),
      );
    }
  }

  /** The engine's text, as one minimal edit kept in the model's undo history. */
  private replaceText(model: Model, text: string): void {
    const change = diffAsChange(model.getValue(), text);
    if (!change) return;
    const start = model.getPositionAt(change.offset);
    const end = model.getPositionAt(change.offset + change.deleteCount);
    this.syncing = true;
    try {
      model.pushEditOperations(
        [],
        [{ range: monaco.Range.fromPositions(start, end), text: change.insert, forceMoveMarkers: true }],
        () => null,
      );
      model.pushStackElement();
    } finally {
      this.syncing = false;
    }
  }
}
