import { createRoot } from 'react-dom/client';
import type { OutageRow } from '../../../electron/contract';
import { VirtualList } from '../../../renderer/components/VirtualList';

// Bench and test page (tests/bench/groups/renderer.mjs, tests/e2e/virtual-list.test.ts): the app's virtual list with 10,000 generated training rows, laid
// out as the outage lists lay it out. The rows are put on window by the bench before this script runs.
declare global {
  interface Window {
    benchRows: OutageRow[];
    /** The index of the last row opened with Enter or a click (tests/e2e/virtual-list.test.ts). */
    benchActivated?: number;
  }
}

createRoot(document.getElementById('root')!).render(
  <VirtualList<OutageRow>
    rows={window.benchRows}
    rowHeight={36}
    height={420}
    label="10,000行"
    onActivate={(_row, index) => (window.benchActivated = index)}
    renderRow={(r) => (
      <>
        <span role="gridcell">{r.name}</span>
        <span role="gridcell">{r.nameKana}</span>
        <span role="gridcell">{r.insuredNumber}</span>
        <span role="gridcell">{r.date}</span>
        <span role="gridcell">{r.detail}</span>
        <span role="gridcell">{r.confirmedAt}</span>
      </>
    )}
  />,
);
