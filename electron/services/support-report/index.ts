// The support diagnostics report (issue 9): collected part by part, with no personal data.
export { collectSupportReport, type ReportSources } from './collect';
export { supportReportText } from './text';
export type { DatabaseHealth, Failed, SupportReport } from './types';
