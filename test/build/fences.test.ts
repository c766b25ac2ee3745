import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The rules that fence the rooms (eslint.config.js), tried on code that crosses them. */
async function lint(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint();
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('fences', () => {
  it('the UI may not import the engine beyond its protocol and client', async () => {
    const bad = await lint(
      'src/ui/panels/Leak.ts',
      "import { Session } from '../../engine/session';\nexport const s = Session;\n",
    );
    expect(bad.join('\n')).toMatch(/no-restricted-imports/);
    const good = await lint(
      'src/ui/panels/Fine.ts',
      "import type { Status } from '../../engine/protocol';\nimport { EngineClient } from '../../engine/client';\nexport const c: [Status?, typeof EngineClient?] = [];\n",
    );
    expect(good).toEqual([]);
  });

  it('only the app shell touches the address', async () => {
    const code = 'export const q = location.search;\nhistory.back();\n';
    const outside = await lint('src/ui/components/Peek.ts', code);
    expect(outside.filter((m) => m.startsWith('no-restricted-globals'))).toHaveLength(2);
    expect(await lint('src/ui/shell/Peek.ts', code)).toEqual([]);
  });

  it('the core stays pure', async () => {
    const bad = await lint(
      'src/core/stats/Leak.ts',
      "import { select } from 'd3';\nexport const w = window.innerWidth + Number(select);\n",
    );
    expect(bad.join('\n')).toMatch(/no-restricted-imports[\s\S]*no-restricted-globals/);
  });
});
