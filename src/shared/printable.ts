/**
 * Text from other processes (names, paths, command lines, imported captures) shown to a person: on a
 * terminal by the CLI, in the table and dialogs by the UI. A process may name itself with escape sequences
 * (retitle the terminal, move the cursor, hide text) or bidi overrides that make the kill prompt show
 * something other than what will end; such characters become `?`. Line feeds and tabs stay: the CLI's own
 * layout uses them. JSON, CSV and copies keep the data as it is (JSON escapes control characters itself).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function printable(text: string): string {
  return text.replace(UNSAFE, '?');
}
