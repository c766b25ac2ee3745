import { describe, expect, it } from 'vitest';
import { flagHelp, InputError, parseFlags, requireFlags } from '../../cli/args';

const TABLE = {
  file: { kind: 'string', help: 'a file' },
  batch: { kind: 'int', min: 1, help: 'batch' },
  mode: { kind: 'choice', values: ['exact', 'sampled'], help: 'mode' },
  help: { kind: 'switch', help: 'help' },
} as const;

function error(argv: string[]): string {
  try {
    parseFlags(argv, TABLE);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('expected an InputError');
}

describe('parseFlags: list flags', () => {
  const LISTS = {
    vary: { kind: 'list', max: 2, help: 'varied' },
    merge: { kind: 'list', help: 'parts' },
    out: { kind: 'string', help: 'out' },
  } as const;
  it('takes one or more values per use, and repeated uses, in order', () => {
    expect(parseFlags(['--vary', 'bs=1,2', '--vary=lr=0.1', '--out', 'x'], LISTS)).toEqual({
      vary: ['bs=1,2', 'lr=0.1'],
      out: 'x',
    });
    expect(parseFlags(['--merge', 'a.json', 'b.json', '-c.json'], LISTS)).toEqual({
      merge: ['a.json', 'b.json', '-c.json'],
    });
  });
  it('refuses a list with no value, or more than its maximum', () => {
    expect(() => parseFlags(['--merge', '--out', 'x'], LISTS)).toThrow('--merge needs a value');
    expect(() => parseFlags(['--vary', 'a', '--vary', 'b', 'c'], LISTS)).toThrow(
      '--vary can be given at most 2 times',
    );
    expect(() => parseFlags(['--vary='], LISTS)).toThrow('--vary needs a non-empty value');
  });
});

describe('parseFlags', () => {
  it('parses values, = syntax and switches', () => {
    const f = parseFlags(['--file', 'a.json', '--batch=4', '--mode', 'sampled', '--help'], TABLE);
    expect(f).toEqual({ file: 'a.json', batch: 4, mode: 'sampled', help: true });
  });
  it('rejects bad input with one clear message', () => {
    expect(error(['--frob', '1'])).toBe('unknown flag --frob (see --help)');
    expect(error(['--file'])).toBe('--file needs a value');
    expect(error(['--file', '--batch', '2'])).toBe('--file needs a value');
    expect(error(['--batch', '0'])).toMatch(/^--batch must be an integer ≥ 1, got '0'$/);
    expect(error(['--batch', '2.5'])).toMatch(/^--batch must be an integer/);
    expect(error(['--batch', '-3'])).toMatch(/^--batch must be an integer/);
    expect(error(['--batch', 'abc'])).toMatch(/^--batch must be an integer/);
    expect(error(['--batch', '1e3'])).toMatch(/^--batch must be an integer/);
    expect(error(['--mode', 'fast'])).toBe("--mode must be one of exact, sampled, got 'fast'");
    expect(error(['--batch', '1', '--batch', '2'])).toBe('--batch given twice');
    expect(error(['stray'])).toMatch(/^unexpected argument 'stray'/);
    expect(error(['--help=1'])).toBe('--help takes no value');
  });
  it('requireFlags names the missing flag', () => {
    expect(() => requireFlags(parseFlags([], TABLE), ['batch'])).toThrow(
      'missing required flag --batch',
    );
  });
  it('flagHelp lists every flag', () => {
    const help = flagHelp(TABLE);
    for (const name of Object.keys(TABLE)) expect(help).toContain(`--${name}`);
  });
});
