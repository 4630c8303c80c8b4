/**
 * Where a JSON text first goes wrong, for error messages. JSON.parse says *that* a text is broken; its
 * message says *where* only in some engines (V8 no longer gives a position for an unexpected token).
 * This scanner is run only after JSON.parse has failed. It keeps an explicit stack (no recursion), so
 * a deeply nested hostile file cannot overflow the call stack.
 */
export interface JsonSyntaxProblem {
  /** Offset (UTF-16 units) of the first character that cannot be right; text.length when the text ends too early. */
  offset: number;
  truncated: boolean;
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

export function findJsonSyntaxError(text: string): JsonSyntaxProblem | null {
  let i = 0;
  const n = text.length;
  const bad = (at: number): JsonSyntaxProblem => ({ offset: Math.min(at, n), truncated: at >= n });
  const skip = () => {
    while (i < n && WS.has(text.charCodeAt(i))) i++;
  };
  // Stack of containers: '{' or '['; and what we expect next.
  const stack: string[] = [];
  type Expect = 'value' | 'key-or-end' | 'key' | 'colon' | 'comma-or-end' | 'value-or-end';
  let expect: Expect = 'value';

  const scanString = (): JsonSyntaxProblem | null => {
    i++; // opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return null;
      }
      if (c < 0x20) return bad(i);
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === undefined) return bad(n);
        if (e === 'u') {
          for (let k = 2; k < 6; k++) {
            if (i + k >= n) return bad(n);
            if (!/[0-9a-fA-F]/.test(text[i + k]!)) return bad(i + k);
          }
          i += 6;
        } else if ('"\\/bfnrt'.includes(e)) i += 2;
        else return bad(i + 1);
      } else i++;
    }
    return bad(n);
  };

  const scanNumber = (): JsonSyntaxProblem | null => {
    const slice = text.slice(i, i + 400);
    const strict = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(slice)?.[0] ?? '';
    const partial = /^-?(0|[1-9]\d*)?(\.\d*)?([eE][+-]?\d*)?/.exec(slice)?.[0] ?? '';
    // "12e" or "-" at the very end: a number that was cut off.
    if (partial.length > strict.length && i + partial.length >= n) return bad(n);
    if (strict === '') return bad(i + Math.max(partial.length, 1) - (partial.length > 0 ? 0 : 1));
    if (partial.length > strict.length) return bad(i + partial.length);
    i += strict.length;
    return null;
  };

  const afterValue = () => {
    expect = stack.length === 0 ? 'value' : 'comma-or-end';
    if (stack.length === 0) {
      skip();
      if (i < n) return bad(i);
      return 'done' as const;
    }
    return null;
  };

  while (true) {
    skip();
    if (i >= n) return stack.length === 0 && expect !== 'value' ? null : bad(n);
    const ch = text[i]!;
    if (expect === 'value' || expect === 'value-or-end') {
      if (expect === 'value-or-end' && ch === ']') {
        stack.pop();
        i++;
        const r = afterValue();
        if (r === 'done') return null;
        if (r) return r;
        continue;
      }
      if (ch === '{') {
        stack.push('{');
        i++;
        expect = 'key-or-end';
        continue;
      }
      if (ch === '[') {
        stack.push('[');
        i++;
        expect = 'value-or-end';
        continue;
      }
      let problem: JsonSyntaxProblem | null = null;
      if (ch === '"') problem = scanString();
      else if (ch === '-' || (ch >= '0' && ch <= '9')) problem = scanNumber();
      else {
        const word = ['true', 'false', 'null'].find((w) => text.startsWith(w, i) || w.startsWith(text.slice(i, i + w.length)));
        if (!word) return bad(i);
        if (!text.startsWith(word, i)) return bad(n);
        i += word.length;
      }
      if (problem) return problem;
      const r = afterValue();
      if (r === 'done') return null;
      if (r) return r;
      continue;
    }
    if (expect === 'key-or-end' || expect === 'key') {
      if (expect === 'key-or-end' && ch === '}') {
        stack.pop();
        i++;
        const r = afterValue();
        if (r === 'done') return null;
        if (r) return r;
        continue;
      }
      if (ch !== '"') return bad(i);
      const problem = scanString();
      if (problem) return problem;
      expect = 'colon';
      continue;
    }
    if (expect === 'colon') {
      if (ch !== ':') return bad(i);
      i++;
      expect = 'value';
      continue;
    }
    // comma-or-end
    const top = stack[stack.length - 1];
    if (ch === ',') {
      i++;
      expect = top === '{' ? 'key' : 'value';
      continue;
    }
    if ((top === '{' && ch === '}') || (top === '[' && ch === ']')) {
      stack.pop();
      i++;
      const r = afterValue();
      if (r === 'done') return null;
      if (r) return r;
      continue;
    }
    return bad(i);
  }
}

/**
 * Does the text open more than `limit` objects or arrays inside one another? A flat scan (strings
 * skipped, no recursion, stops at the first level past the limit), run before JSON.parse.
 */
export function nestedDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}
