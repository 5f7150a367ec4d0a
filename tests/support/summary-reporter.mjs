// Prints one plain closing line, "tests: N passed, N failed, N skipped", that CI logs can be read by.
export default class SummaryReporter {
  onTestRunEnd(testModules, unhandledErrors = []) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const walk = (children) => {
      for (const child of children) {
        if (child.type === 'test') {
          const state = child.result().state;
          if (state === 'passed') passed++;
          else if (state === 'failed') failed++;
          else skipped++;
        } else walk(child.children);
      }
    };
    for (const mod of testModules) {
      walk(mod.children);
      // A file that failed to load (or whose hooks threw) counts as a failure even if no test ran.
      if (mod.state() === 'failed' && mod.errors().length > 0) failed++;
    }
    failed += unhandledErrors.length;
    process.stdout.write(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
