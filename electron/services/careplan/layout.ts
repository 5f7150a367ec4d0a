// Column layouts as data (DOMAIN.md §4.7): one typed table per file type, so that validation and encoding are
// generic. A layout lists every column in order with its Japanese name, value type, maximum length and whether it
// is required.

/** Every v4.1 file prefix (DOMAIN.md §4.3); the file name starts with one of these. */
export const FILE_KINDS = [
  'UPHOSOKU',
  'UP1KYO',
  'DLT1KYO',
  'UP2KYO',
  'UP3KYO',
  'UPPLAN',
  'DLTPLAN',
  'UPJSK',
  'DLTJSK',
  'UPSIKYU',
  'UPKIHON',
  'UPKIHON_SUB1',
  'UPKIHON_SUB2',
  'DLTKIHON',
  'UPYOBO',
  'UPYOBO_SUB',
  'DLTYOBO',
] as const;

export type FileKind = (typeof FILE_KINDS)[number];

export type ColumnType =
  /** CSVバージョン: YYYYMM from the version table (§4.1). */
  | 'version'
  /** 保険者番号: 6 digits. */
  | 'insurer'
  /** 被保険者番号: 10 digits, or H + 9 digits for 生保単独. */
  | 'insured'
  /** YYYYMMDD, a real calendar date. */
  | 'date'
  /** YYYYMM. */
  | 'month'
  /** HHMM, or 9999 for "no time". */
  | 'time'
  /** Digits only (counts, days, branch numbers). */
  | 'digits'
  /** An integer, possibly negative (単位数 after discounts and reductions). */
  | 'integer'
  /** 介護保険事業所番号: 10 characters, check digit per §2.16. */
  | 'office'
  /** サービスコード: サービス種類コード (2) + サービス項目コード (4), digits or upper-case letters. */
  | 'serviceCode'
  /** サービス種類コード: 2 digits or upper-case letters. */
  | 'serviceKind'
  /** 日割対象日: 31 flags "1"/"0". */
  | 'dayFlags'
  /** 郵便番号 XXX-XXXX (§4.5). */
  | 'postal'
  /** 単位数単価 in the 99.99 form (e.g. 11.40). */
  | 'unitPrice'
  /** One of the listed codes. */
  | 'code'
  /** Free text (フリーテキスト): always written in double quotes. */
  | 'text'
  /** A short code-like value without a stricter rule (TAISコード, 福祉用具届出コード). */
  | 'plain'
  /** "※使用しない": must be empty (a value is reported, not rejected). */
  | 'unused';

export interface ColumnSpec {
  /** 1-based column number as in the spec's "No." column. */
  no: number;
  name: string;
  type: ColumnType;
  /** Maximum length in characters; undefined = free length ("―"). */
  maxLength?: number;
  /** Exact length required when present (dates, numbers with a fixed width). */
  exactLength?: number;
  required: boolean;
  /** Special values accepted as they are (e.g. 00000000 for "tied to 第6/7表", 9999999999 for 全合計). */
  alsoAllowed?: readonly string[];
  /** Allowed values with their meaning (type 'code'). */
  codes?: Readonly<Record<string, string>>;
}

export interface FileLayout {
  kind: FileKind;
  /** Japanese title used in messages, e.g. 第6表（サービス利用票）予定. */
  title: string;
  columns: readonly ColumnSpec[];
  /** Whether the file name carries a YYYYMM part (§4.4). */
  monthInName: boolean;
  /** Column whose value must be one single month for the whole file and match the file name (第6/7表). */
  monthColumn?: number;
  /** Column holding the service date that must fall inside the month (第6表). */
  serviceDateColumn?: number;
  /** Other files of the same send unit (§4.6); a missing one is a warning. */
  sendUnit: readonly FileKind[];
}

/** Common head of every file: No.1–3 (DOMAIN.md §4.7). */
export const COMMON_HEAD: readonly ColumnSpec[] = [
  { no: 1, name: 'CSVバージョン', type: 'version', exactLength: 6, required: true },
  { no: 2, name: '保険者番号', type: 'insurer', exactLength: 6, required: true },
  { no: 3, name: '被保険者番号', type: 'insured', exactLength: 10, required: true },
];
