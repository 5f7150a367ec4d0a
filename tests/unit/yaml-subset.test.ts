import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYamlSubset, YamlSubsetError } from '../../build/dist-check/yaml-subset.mjs';
import { ROOT } from '../support/paths';

// The YAML subset dist:check reads electron-builder.yml with (no YAML library is a dependency of the project).

describe('the YAML subset parser of dist:check', () => {
  it('reads electron-builder.yml exactly as a full YAML parser does', () => {
    // js-yaml is installed as a dependency of eslint: an independent full parser to compare with.
    const jsYaml = createRequire(path.join(ROOT, 'package.json'))('js-yaml') as { load(s: string): unknown };
    const source = fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8');
    expect(parseYamlSubset(source)).toEqual(jsYaml.load(source));
  });

  it('reads maps, lists, `- key: value` items, quoting, flow lists, scalars and comments', () => {
    const source = [
      '# comment',
      'a: 1',
      "b: 'it''s' # trailing",
      'c: "x\\ty"',
      'd: [x, "y, z", 2]',
      'e:',
      '  - plain text',
      '  - k: v',
      '    n: true',
      '  -',
      '    deep: null',
      'f:',
      '- same-indent',
      'g: a#b',
      'h: 介護デスク (Kaigo Desk)',
    ].join('\n');
    expect(parseYamlSubset(source)).toEqual({
      a: 1,
      b: "it's",
      c: 'x\ty',
      d: ['x', 'y, z', 2],
      e: ['plain text', { k: 'v', n: true }, { deep: null }],
      f: ['same-indent'],
      g: 'a#b',
      h: '介護デスク (Kaigo Desk)',
    });
  });

  it.each([
    ['anchors', 'a: &x 1', 1, /対応していません/],
    ['block scalars', 'a: |\n  text', 1, /対応していません/],
    ['flow maps', 'a: {b: 1}', 1, /対応していません/],
    ['tabs', 'a:\n\t- b', 2, /タブ/],
    ['duplicate keys', 'a: 1\nb: 2\na: 3', 3, /重複/],
    ['bad indentation', 'a:\n    b: 1\n  c: 2', 3, /インデント/],
    ['unclosed quotes', "a: 'x", 1, /閉じていません/],
    ['a colon in a plain value', 'a: b: c', 1, /引用符/],
  ])('refuses %s with the line number', (_name, source, line, message) => {
    let error: unknown;
    try {
      parseYamlSubset(source);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(YamlSubsetError);
    expect((error as YamlSubsetError).line).toBe(line);
    expect((error as Error).message).toMatch(message);
  });
});
