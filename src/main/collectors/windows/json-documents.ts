/**
 * Tolerant reading of `ConvertTo-Json` output: a BOM, one or several top-level documents (two
 * commands appended to one file), a single object instead of an array, and Windows PowerShell 5.1's
 * `{"value": [...], "Count": n}` wrapper (from `ConvertTo-Json -InputObject`). A truncated array (a
 * file cut mid-way) keeps its complete objects; only the broken tail is counted as unreadable.
 */

/** Every top-level JSON value in the text, flattened into a list of objects. Unreadable parts are counted. */
export function readJsonObjects(text: string): { objects: Record<string, unknown>[]; unreadable: number } {
  const objects: Record<string, unknown>[] = [];
  let unreadable = 0;
  for (const chunk of splitTopLevel(text.replace(/^\uFEFF/, ''))) {
    let value: unknown;
    try {
      value = JSON.parse(chunk);
    } catch {
      unreadable++; // the broken tail (or the whole chunk when nothing in it can be saved)
      if (chunk.startsWith('[')) for (const item of completeArrayItems(chunk)) collect(item, objects);
      continue;
    }
    collect(value, objects);
  }
  return { objects, unreadable };
}

/**
 * Walk the JSON brackets of `text`, skipping those inside strings. `visit` gets each bracket's index and
 * the depth inside it (1 for a top-level `[`); returning true stops the walk. A quote outside any
 * bracket is reported as depth 0 (a top-level string).
 */
function walkBrackets(text: string, visit: (i: number, c: string, depth: number) => boolean | void): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      if (depth === 0 && visit(i, c, 0)) return;
    } else if (c === '{' || c === '[') {
      if (visit(i, c, ++depth)) return;
    } else if (c === '}' || c === ']') {
      if (visit(i, c, depth--)) return;
      if (depth < 0) depth = 0;
    }
  }
}

/** The complete depth-1 objects of a top-level array that does not parse (cut mid-way): each `{…}` directly inside the `[`. */
function completeArrayItems(chunk: string): unknown[] {
  const items: unknown[] = [];
  let start = -1;
  walkBrackets(chunk, (i, c, depth) => {
    if (c === '{' && depth === 2) start = i;
    else if (c === '}' && depth === 2 && start >= 0) {
      try {
        items.push(JSON.parse(chunk.slice(start, i + 1)));
      } catch {
        // a broken object in the middle: skipped (the chunk is already counted as unreadable)
      }
      start = -1;
    }
    return c === ']' && depth === 1; // the array closed: whatever made it unparsable follows
  });
  return items;
}

function collect(value: unknown, into: Record<string, unknown>[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, into);
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (Array.isArray(record.value) && 'Count' in record) collect(record.value, into);
    else into.push(record);
  }
}

/** Split concatenated JSON documents by bracket depth, string-aware. */
export function splitTopLevel(text: string): string[] {
  const chunks: string[] = [];
  let start = -1;
  walkBrackets(text, (i, c, depth) => {
    const opens = c === '{' || c === '[' || c === '"';
    if (opens && depth <= 1 && start < 0) start = i;
    else if (!opens && depth === 1 && start >= 0) {
      chunks.push(text.slice(start, i + 1));
      start = -1;
    }
  });
  if (start >= 0) chunks.push(text.slice(start)); // truncated: JSON.parse will reject it and it is counted
  return chunks;
}

/** PowerShell dates: 5.1 writes `/Date(1677227829985)/` (after JSON unescaping), 7 writes ISO strings. */
export function parsePowerShellDate(value: unknown): string | null {
  if (typeof value === 'string') {
    const legacy = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/.exec(value);
    const ms = legacy ? Number(legacy[1]) : Date.parse(value);
    return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
  }
  if (value !== null && typeof value === 'object') {
    // ConvertTo-Json of a DateTime inside a PSObject sometimes nests it: {"value": "/Date(..)/", "DateTime": "..."}
    const record = value as Record<string, unknown>;
    return parsePowerShellDate(record.value ?? record.DateTime);
  }
  return null;
}
