import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const OUT = path.join(ROOT, 'out');
export const TEST_OUTPUT = path.join(ROOT, 'test-output');
