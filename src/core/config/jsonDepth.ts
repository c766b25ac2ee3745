/**
 * The deepest nesting of arrays and objects in JSON text, counted in one pass without
 * parsing (brackets inside strings skipped), so that 20,000 nested brackets are refused
 * before JSON.parse or any recursive walk sees them. `[]` is depth 1, `{"a": [1]}` depth 2.
 */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\')
        i++; // skip the escaped character
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') deepest = Math.max(deepest, ++depth);
    else if (c === ']' || c === '}') depth--;
  }
  return deepest;
}
