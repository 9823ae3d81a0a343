/** Something the editor underlines in the candidate's file: a compile error, or where a test's error was thrown. */
export interface EditorMarker {
  kind: 'compile' | 'runtime';
  message: string;
  line: number;
  column: number;
  length: number;
}
