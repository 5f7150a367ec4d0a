import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { windowOptions } from '../../electron/window-policy';
import { OUT } from '../support/paths';

// Inspects what `npm run build` wrote: sandboxed renderers can load only one CommonJS preload that requires nothing
// but 'electron' (DESIGN.md §3).
describe('build output', () => {
  const preload = fs.readFileSync(path.join(OUT, 'preload.js'), 'utf8');

  it('bundles the preload as one CommonJS file whose only require is electron', () => {
    const requires = [...preload.matchAll(/\brequire\(\s*(['"`])([^'"`]+)\1\s*\)/g)].map((m) => m[2]);
    expect(requires).toEqual(['electron']);
    expect(preload).not.toMatch(/^\s*(import|export)\s/m);
    expect(preload).not.toMatch(/\bimport\(/);
    expect(preload).toContain('exposeInMainWorld');
    // The preload never hands the page ipcRenderer itself.
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
  });

  it('points the window at that preload', () => {
    const main = fs.readFileSync(path.join(OUT, 'main.js'), 'utf8');
    expect(main).toMatch(/["']preload\.js["']/);
    expect(windowOptions(path.join(OUT, 'preload.js'), false).webPreferences?.preload).toBe(
      path.join(OUT, 'preload.js'),
    );
  });

  it('writes the CLI as an executable Node script and the renderer entry', () => {
    expect(fs.readFileSync(path.join(OUT, 'cli.js'), 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
    expect(fs.existsSync(path.join(OUT, 'renderer', 'index.html'))).toBe(true);
  });
});
