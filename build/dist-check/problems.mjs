// One problem found by dist:check: which file, which key (dotted path), what is wrong (Japanese, for IT staff).

export function problemList() {
  const list = [];
  return {
    list,
    add(file, key, message) {
      list.push({ file, key, message });
    },
  };
}

export function formatProblem(p) {
  return `${p.file}: ${p.key} — ${p.message}`;
}

/** Reads a dotted path ("nsis.perMachine", "win.target") from a parsed object. */
export function at(object, dotted) {
  return dotted.split('.').reduce((v, k) => (v !== null && typeof v === 'object' ? v[k] : undefined), object);
}

/** electron-builder accepts a target as a string, an object with `target`, or a list of either. */
export function targetNames(value) {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((t) => (typeof t === 'string' ? t : t && typeof t === 'object' ? t.target : undefined));
}
