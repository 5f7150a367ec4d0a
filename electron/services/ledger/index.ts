// The care-plan exchange ledger (UX.md rule 13): files sent, received and sent on paper, with supersession and an
// inspection CSV.
export {
  createLedger,
  LEDGER_STATE_LABELS,
  ledgerStateLabel,
  sha256Hex,
  type Ledger,
  type LedgerDirection,
  type LedgerEntry,
  type LedgerOptions,
  type LedgerRecordInput,
  type LedgerState,
} from './ledger';
export { ledgerCsv } from './csv';
