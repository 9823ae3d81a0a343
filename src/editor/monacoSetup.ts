/**
 * Monaco, bundled from our own build. @monaco-editor/react would fetch Monaco from a CDN by default;
 * `loader.config({ monaco })` hands it the locally bundled copy instead, so the editor works offline.
 * This module is heavy (Monaco is several MB) and is only reached through a dynamic import.
 */
import { loader } from '@monaco-editor/react';
// Only what the app shows: the editor core with its standard editing features, TypeScript (tokens and the
// language service), Markdown and Python tokens. The package's main entry would also bundle about eighty other
// languages and the CSS, HTML and JSON services (their workers included), which nobody here edits.
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/features/register.all';
import * as typescript from 'monaco-editor/languages/features/typescript/register';
import 'monaco-editor/languages/definitions/typescript/register';
import 'monaco-editor/languages/definitions/markdown/register';
import 'monaco-editor/languages/definitions/python/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TsWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    return label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker();
  },
};

const ts = typescript;
ts.typescriptDefaults.setCompilerOptions({
  target: ts.ScriptTarget.ES2020,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.NodeJs,
  strict: true,
  noImplicitAny: true,
  allowNonTsExtensions: true,
  lib: ['es2022'],
});
ts.typescriptDefaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false });
ts.typescriptDefaults.setEagerModelSync(true);

/** The globals the runner gives a solution: console and timers (no DOM, it runs in a worker). */
ts.typescriptDefaults.addExtraLib(
  `declare const console: { log(...a: unknown[]): void; info(...a: unknown[]): void; warn(...a: unknown[]): void; error(...a: unknown[]): void; debug(...a: unknown[]): void };
declare function setTimeout(handler: (...args: unknown[]) => void, ms?: number, ...args: unknown[]): number;
declare function clearTimeout(id: number | undefined): void;
declare function setInterval(handler: (...args: unknown[]) => void, ms?: number, ...args: unknown[]): number;
declare function clearInterval(id: number | undefined): void;
declare function queueMicrotask(cb: () => void): void;
declare function structuredClone<T>(value: T): T;`,
  'file:///rehearse-globals.d.ts',
);

loader.config({ monaco });

export { monaco, typescript };
