// Types for yaml-subset.mjs (tests import it from TypeScript).
export class YamlSubsetError extends Error {
  readonly line: number;
}
export function parseYamlSubset(source: string): unknown;
