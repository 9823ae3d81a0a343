/**
 * Serves Excalidraw's fonts from our own build (`excalidraw/fonts/…`, next to index.html), so the
 * whiteboard never fetches them from a CDN (src/features/whiteboard/assetPath.ts points Excalidraw here).
 * Build: every font file is emitted as an asset. Dev server: they are served from node_modules.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

const FONTS_DIR = path.resolve('node_modules/@excalidraw/excalidraw/dist/prod/fonts');
const PREFIX = 'excalidraw/fonts/';

function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full, base) : [path.relative(base, full).split(path.sep).join('/')];
  });
}

export function excalidrawAssetsPlugin(): Plugin {
  return {
    name: 'rehearse-excalidraw-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = (req.url ?? '').split('?')[0]!;
        const at = url.indexOf(`/${PREFIX}`);
        if (at === -1) return next();
        const rel = decodeURIComponent(url.slice(at + PREFIX.length + 1));
        const file = path.resolve(FONTS_DIR, rel);
        if (!file.startsWith(FONTS_DIR + path.sep)) return next();
        try {
          const body = readFileSync(file);
          res.setHeader('Content-Type', 'font/woff2');
          res.end(body);
        } catch {
          next();
        }
      });
    },
    generateBundle() {
      for (const rel of listFiles(FONTS_DIR)) {
        this.emitFile({ type: 'asset', fileName: PREFIX + rel, source: readFileSync(path.join(FONTS_DIR, rel)) });
      }
    },
  };
}
