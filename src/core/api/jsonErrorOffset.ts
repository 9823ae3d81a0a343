/**
 * Where a JSON text stops being JSON, as an offset: engines word JSON.parse's errors differently (V8 now
 * quotes the text and names no position), so the Requests pane finds the place itself. Called only after
 * JSON.parse refused the text; iterative over nesting, so a deeply nested body cannot overflow the stack.
 */
const WS = new Set([' ', '\t', '\n', '\r']);

export function jsonErrorOffset(text: string): number {
  let i = 0;
  const skip = () => {
    while (i < text.length && WS.has(text[i]!)) i++;
  };
  const literal = (word: string) => (text.startsWith(word, i) ? ((i += word.length), true) : false);
  const string = (): boolean => {
    i++; // the opening quote
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) return (i++, true);
      if (c < 0x20) return false;
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false;
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return false;
      } else i++;
    }
    return false;
  };
  const number = (): boolean => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '' || m[0] === '-') return false;
    i += m[0].length;
    return true;
  };
  const value = (): boolean => {
    const c = text[i];
    if (c === '"') return string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    return literal('true') || literal('false') || literal('null');
  };
  // Open containers, innermost last; after a value, each expects ',' or its closer.
  const stack: ('{' | '[')[] = [];
  skip();
  for (;;) {
    const c = text[i];
    if (c === '{' || c === '[') {
      stack.push(c);
      i++;
      skip();
      if (text[i] === (c === '{' ? '}' : ']')) {
        stack.pop();
        i++;
      } else if (c === '{') {
        if (text[i] !== '"' || !string()) return i;
        skip();
        if (text[i] !== ':') return i;
        i++;
        skip();
        continue;
      } else continue;
    } else if (!value()) return i;
    // A value ended: close containers or go on to the next member.
    for (;;) {
      skip();
      const top = stack.at(-1);
      if (!top) {
        return i < text.length ? i : text.length; // something after the value, or nothing wrong found
      }
      if (text[i] === (top === '{' ? '}' : ']')) {
        stack.pop();
        i++;
        continue;
      }
      if (text[i] !== ',') return i;
      i++;
      skip();
      if (top === '{') {
        if (text[i] !== '"' || !string()) return i;
        skip();
        if (text[i] !== ':') return i;
        i++;
        skip();
      }
      break;
    }
  }
}
