export {
  paperRecords,
  PAPER_KINDS,
  PAPER_SOURCE_LABELS,
  type PaperEntry,
  type PaperKind,
  type PaperRecords,
  type PaperSource,
} from './paper';
export { parsePaperForm, type PaperFormResult } from './form';
