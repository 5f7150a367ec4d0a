// The care plan as typed data (issue 8 §3): model ⇄ v4.1 rows, 第7表 consistency, send units, and the applied state
// of received files. Exported through ../index.ts.
export { MODELLED_KINDS, type ModelledKind } from './columns';
export { modelToRows, rowsToModel } from './rows';
export { checkSeventhTable, seventhRowKind, type SeventhCheckOptions } from './seventh-check';
export {
  benefitLimitFor,
  checkSeventhFile,
  fileToModel,
  isModelledKind,
  writeSendUnit,
  type FileMeta,
  type ModelFile,
  type SendUnitInput,
  type UnitPart,
  type WrittenFile,
} from './files';
export {
  CarePlanBook,
  inSequenceOrder,
  type ApplyResult,
  type BasicInfoState,
  type MonthState,
  type PlanState,
  type PreventionPlanState,
} from './book';
export { compareMonth, type ComparisonRow, type ComparisonStatus } from './compare';
export type * from './types';
export { officeNumberProblem, parseSendUnitJson, type SendUnitJson } from './unit-json';
export { subjectsOf } from './subjects';
export { daysInMonth, printView, sixthTableLines, type PrintInput } from './print';
export { samplePlanUnit, type SamplePerson } from './sample';
