import { z } from 'zod';
import { input } from './limits';
import { PersonKey } from './persons';

// Outage lists (issue 7, DESIGN.md §5): what the counter needs on paper when the service is down — today's
// visitors, certifications ending this month, 負担割合 changes — read from the cache, each with its 時点 stamp,
// printable and exportable as CSV for Excel. The CSV file is written by the main process; the renderer only asks.

export const OUTAGE_LIST_IDS = ['today-visitors', 'certifications-ending', 'burden-ratio-changes'] as const;
export const OutageListId = z.enum(OUTAGE_LIST_IDS);
/** Rows sent to the screen per list (a 7/31 boundary can put every served person on one list). */
export const OUTAGE_SCREEN_ROWS = 10_000;
export type OutageListId = z.infer<typeof OutageListId>;

export const OutageRow = z.strictObject({
  personKey: PersonKey,
  name: z.string(),
  nameKana: z.string(),
  insuredNumber: z.string(),
  /** The date the row is about (ISO date or instant): check time, end of certification, change or boundary day. */
  date: z.string().nullable(),
  /** What the row says, in Japanese (e.g. 「1割 → 2割」, 「要介護2・認定済」, 「カード・オンライン確認」). */
  detail: z.string(),
  /** 最終確認 of the person's cached data (instant), and where it came from. */
  confirmedAt: z.string().nullable(),
  source: z.enum(['api', 'training', 'planned']),
});
export type OutageRow = z.infer<typeof OutageRow>;

export const OutageList = z.strictObject({
  id: OutageListId,
  title: z.string(),
  /** Column heading for `date` and `detail`. */
  dateLabel: z.string(),
  detailLabel: z.string(),
  /** 時点: the newest 最終確認 among the rows (instant), null for an empty list. */
  asOf: z.string().nullable(),
  /** How many rows the list has; the screen (and so the print) gets at most OUTAGE_SCREEN_ROWS, the CSV all. */
  total: z.number().int().min(0),
  rows: z.array(OutageRow).max(10_000),
});
export type OutageList = z.infer<typeof OutageList>;

export const OutageListsOutput = z.strictObject({
  /** When the lists were read (instant) and the Japan business date they are for. */
  generatedAt: z.string(),
  today: z.string(),
  training: z.boolean(),
  lists: z.array(OutageList).max(OUTAGE_LIST_IDS.length),
});
export type OutageListsOutput = z.infer<typeof OutageListsOutput>;

export const ListInput = input({ list: OutageListId });

export const ListExportOutput = z.strictObject({
  /** False when staff cancelled the save dialog. */
  saved: z.boolean(),
  rows: z.number().int().min(0),
  /** The chosen file's name (not its folder), for the confirmation line. */
  fileName: z.string().nullable(),
});

/** Who printed and when, for the print footer (the print itself is audited by main). */
export const ListPrintedOutput = z.strictObject({ staffId: z.string(), printedAt: z.string(), rows: z.number() });
