/** Route patterns: '/users/:id' matches '/users/7' with { id: '7' }; segments compare exactly otherwise. */

export interface Match {
  params: Record<string, string>;
}

export function matchPath(pattern: string, path: string): Match | null {
  const want = split(pattern);
  const got = split(path);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = got[i]!;
    if (w.startsWith(':')) {
      if (g === '') return null;
      params[w.slice(1)] = safeDecode(g);
    } else if (w !== g) return null;
  }
  return { params };
}

function split(path: string): string[] {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  return trimmed.split('/').slice(1);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
