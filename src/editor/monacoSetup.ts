/**
 * Monaco, bundled from our own build. @monaco-editor/react would fetch Monaco from a CDN by default;
 * `loader.config({ monaco })` hands it the locally bundled copy instead, so the editor works offline.
 * This module is heavy (Monaco is several MB) and is only reached through a dynamic import.
 */
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TsWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    return label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker();
  },
};

const ts = monaco.typescript;
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

export { monaco };
