/**
 * Pyodide's files, served from our own build (the `pyodide` npm package; Vite copies each to an asset
 * with a content hash, and the service worker precaches them), fetched by the page the first time Python
 * is chosen and handed to the sandbox frame, which cannot fetch anything itself (srcdoc.ts). With them, the
 * memory snapshot of an interpreter that has imported the harness (scripts/vite/pythonSnapshotPlugin.ts):
 * every run's worker is restored from it, so each run starts in an untouched interpreter.
 */
// The loader and Emscripten's glue as text (?raw): fetched by URL, Vite's dev server would serve them
// rewritten as its own modules.
import asm from 'pyodide/pyodide.asm.mjs?raw';
import loader from 'pyodide/pyodide.mjs?raw';
import wasmUrl from 'pyodide/pyodide.asm.wasm?url';
import stdlibUrl from 'pyodide/python_stdlib.zip?url';
import lockUrl from 'pyodide/pyodide-lock.json?url';
import snapshotUrl from 'virtual:rehearse-python-snapshot';
import { pythonWorkerScript } from 'virtual:rehearse-sandbox';
import type { PythonRuntimeFiles } from '../sandbox/pythonProtocol';

export interface DownloadProgress {
  loadedBytes: number;
  /** 0 while unknown (a server that sends no Content-Length). */
  totalBytes: number;
}

let files: Promise<PythonRuntimeFiles> | null = null;

/** Fetches the runtime once per page (a failed fetch is tried again on the next call). */
export function loadPythonRuntimeFiles(onProgress?: (progress: DownloadProgress) => void): Promise<PythonRuntimeFiles> {
  files ??= fetchAll(onProgress).catch((e: unknown) => {
    files = null;
    throw e;
  });
  return files;
}

async function fetchAll(onProgress?: (progress: DownloadProgress) => void): Promise<PythonRuntimeFiles> {
  const urls = [wasmUrl, stdlibUrl, lockUrl, snapshotUrl];
  const responses = await Promise.all(urls.map((url) => fetchOk(url)));
  const totals = responses.map((r) => Number(r.headers.get('Content-Length') ?? 0));
  const loaded = responses.map(() => 0);
  const report = () =>
    onProgress?.({
      loadedBytes: loaded.reduce((a, b) => a + b, 0),
      totalBytes: totals.every((t) => t > 0) ? totals.reduce((a, b) => a + b, 0) : 0,
    });
  const bodies = await Promise.all(
    responses.map((response, i) => {
      const onBytes = (n: number) => ((loaded[i] = n), report());
      return urls[i] === snapshotUrl ? readInflated(response, onBytes) : readAll(response, onBytes);
    }),
  );
  const text = (bytes: ArrayBuffer) => new TextDecoder().decode(bytes);
  const [wasm, stdlib, lock, snapshot] = bodies as [ArrayBuffer, ArrayBuffer, ArrayBuffer, ArrayBuffer];
  return { workerScript: pythonWorkerScript, wasm, stdlib, asm, loader, lock: text(lock), snapshot };
}

/**
 * The snapshot is stored gzip-compressed (31 MB → ~6.6 MB) as plain bytes: inflated while it downloads,
 * its progress counted in downloaded bytes (what Content-Length gives).
 */
async function readInflated(response: Response, onBytes: (loaded: number) => void): Promise<ArrayBuffer> {
  const packed = response.body ?? new Blob([await response.arrayBuffer()]).stream();
  let loaded = 0;
  const counted = packed.pipeThrough(
    new TransformStream<Uint8Array, BufferSource>({
      transform(chunk, out) {
        loaded += chunk.byteLength;
        onBytes(loaded);
        out.enqueue(chunk as Uint8Array<ArrayBuffer>);
      },
    }),
  );
  return new Response(counted.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
}

async function fetchOk(url: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw new Error(
      `Python's files could not be loaded (${e instanceof Error ? e.message : String(e)}). Are you offline before Python was ever loaded?`,
      {
        cause: e,
      },
    );
  }
  if (!response.ok) throw new Error(`Python's files could not be loaded: ${url} answered ${response.status}.`);
  return response;
}

async function readAll(response: Response, onBytes: (loaded: number) => void): Promise<ArrayBuffer> {
  if (!response.body) return response.arrayBuffer();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    onBytes(loaded);
  }
  const out = new Uint8Array(loaded);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out.buffer;
}
