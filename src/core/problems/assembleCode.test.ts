import { describe, expect, it } from 'vitest';
import { assembleCode, librariesNamed, ProjectFormatError } from './assembleCode';

/** A tiny API problem: a service entry, one app file, and a reference that changes the app. */
function apiProblem(projectJson: object): Map<string, string> {
  return new Map([
    ['project/typescript/project.json', JSON.stringify(projectJson)],
    ['project/typescript/starter/server.ts', "export { startService } from './app/main';\n"],
    ['project/typescript/starter/app/main.ts', 'export const startService = () => 1;\n'],
    ['project/typescript/reference/app/main.ts', 'export const startService = () => 2;\n'],
    ['project/typescript/examples.test.ts', "import './server';\n"],
    ['project/typescript/hidden.test.ts', "import './server';\n"],
  ]);
}

const LIBRARIES = new Map([
  ['web-service/typescript/app.ts', 'export class App {}\n'],
  ['web-service/typescript/testing/client.ts', 'export class TestClient {}\n'],
  ['web-service/python/__init__.py', ''],
  ['other/typescript/x.ts', 'export {};\n'],
]);

describe('a library mounted at framework/ (project.json "library")', () => {
  it('puts the library files of the language in the starter, read-only, and in the reference', () => {
    const code = assembleCode(apiProblem({ library: 'web-service', readOnly: ['server.ts'], service: { entry: 'server.ts' } }), 'api', LIBRARIES);
    const ts = code.typescript!;
    expect(ts.files.map((f) => [f.path, f.readOnly])).toEqual([
      ['app/main.ts', false],
      ['framework/testing/client.ts', true],
      ['framework/app.ts', true],
      ['server.ts', true],
    ]);
    expect(Object.keys(ts.reference).sort()).toEqual(['app/main.ts', 'framework/app.ts', 'framework/testing/client.ts', 'server.ts']);
    expect(ts.reference['app/main.ts']).toContain('=> 2');
    expect(ts.reference['framework/app.ts']).toBe('export class App {}\n');
    expect(ts.service).toEqual({ entry: 'server.ts' });
  });

  it('mounts nothing and has no service without the keys', () => {
    const ts = assembleCode(apiProblem({}), 'api', LIBRARIES).typescript!;
    expect(ts.files.map((f) => f.path)).toEqual(['app/main.ts', 'server.ts']);
    expect(ts.service).toBeUndefined();
  });

  it('refuses a library with no files for the language, a problem file inside framework/, and a missing entry', () => {
    expect(() => assembleCode(apiProblem({ library: 'missing' }), 'api', LIBRARIES)).toThrow(
      'problems/_libraries/missing/typescript/ has no files',
    );
    const clash = apiProblem({ library: 'web-service' });
    clash.set('project/typescript/reference/framework/app.ts', 'export {};\n');
    expect(() => assembleCode(clash, 'api', LIBRARIES)).toThrow('reference/framework/app.ts: framework/ is where the library "web-service" is mounted');
    expect(() => assembleCode(apiProblem({ service: { entry: 'main.ts' } }), 'api', LIBRARIES)).toThrow(
      'names "main.ts" as the service\'s entry, but starter/ has no such file',
    );
    expect(() => assembleCode(apiProblem({ library: '../x' }), 'api', LIBRARIES)).toThrow(ProjectFormatError);
    expect(() => assembleCode(apiProblem({ service: 'server.ts' }), 'api', LIBRARIES)).toThrow('"service" must be {"entry"');
  });

  it('lists the libraries a folder names, ignoring broken project.json files', () => {
    const files = apiProblem({ library: 'web-service' });
    files.set('project/python/project.json', '{"library": "web-service"}');
    files.set('project/go/project.json', '{ nope');
    expect(librariesNamed(files)).toEqual(['web-service']);
    expect(librariesNamed(apiProblem({}))).toEqual([]);
  });
});
