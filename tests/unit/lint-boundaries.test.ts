import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths';

// The import boundaries of DESIGN.md §2 are lint rules; these fixtures prove the rules bite.
const eslint = new ESLint({ cwd: ROOT });

async function lintAs(fixture: string, pretendPath: string) {
  const code = fs.readFileSync(path.join(ROOT, 'tests', 'fixtures', 'lint', fixture), 'utf8');
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, pretendPath) });
  return result!.messages.map((m) => m.ruleId);
}

describe('lint boundaries', () => {
  it('refuses a renderer import from electron/services', async () => {
    expect(await lintAs('renderer-imports-service.ts', 'renderer/features/x/Bad.ts')).toContain(
      'no-restricted-imports',
    );
  });

  it('allows the same code in a place where it is legal', async () => {
    expect(await lintAs('renderer-imports-service.ts', 'electron/cli/commands/x.ts')).not.toContain(
      'no-restricted-imports',
    );
  });

  it('refuses browser storage in the renderer', async () => {
    const rules = await lintAs('renderer-uses-storage.ts', 'renderer/features/x/Bad.ts');
    expect(rules).toContain('no-restricted-globals');
    expect(rules).toContain('no-restricted-properties');
  });

  it('refuses electron and native modules in services, and native modules outside native/', async () => {
    const inService = await lintAs('service-imports-electron.ts', 'electron/services/x/bad.ts');
    expect(inService.filter((r) => r === 'no-restricted-imports')).toHaveLength(2);
    const inMain = await lintAs('service-imports-electron.ts', 'electron/lifecycle-x.ts');
    expect(inMain.filter((r) => r === 'no-restricted-imports')).toHaveLength(1);
    expect(await lintAs('service-imports-electron.ts', 'native/x.ts')).not.toContain('no-restricted-imports');
  });
});
