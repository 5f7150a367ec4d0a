import { COMMON_HEAD, type ColumnSpec, type FileLayout } from '../layout';
import { ALL9_OFFICE, THIRTY_DAYS } from './codes';

// 第7表（サービス利用票別表）UPSIKYU, 37 items (DOMAIN.md §4.7). Subtotal rows use サービスコード CD+AAAA / CD+EEEE /
// CD+ZZZZ and the 全合計 row 999999 with サービス事業所コード ALL9; both fit the 6-character code shape. Lengths
// marked "to verify" in §4.7 follow its table (No.17: 5; No.30: up to 5).

const amount = (no: number, name: string): ColumnSpec => ({ no, name, type: 'integer', maxLength: 6, required: false });

const SEVENTH_TABLE_COLUMNS: readonly ColumnSpec[] = [
  ...COMMON_HEAD,
  { no: 4, name: '作成年月日', type: 'date', exactLength: 8, required: true },
  { no: 5, name: '対象年月', type: 'month', exactLength: 6, required: true },
  { no: 6, name: 'サービス事業所名', type: 'text', required: false },
  { no: 7, name: 'サービス事業所コード', type: 'office', exactLength: 10, required: true, alsoAllowed: [ALL9_OFFICE] },
  { no: 8, name: 'サテライト枝番', type: 'digits', maxLength: 2, required: false },
  { no: 9, name: 'サービスコード', type: 'serviceCode', exactLength: 6, required: true },
  { no: 10, name: 'TAISコード', type: 'plain', maxLength: 12, required: false },
  { no: 11, name: '福祉用具届出コード', type: 'plain', maxLength: 12, required: false },
  { no: 12, name: '用具名称（機種名）', type: 'text', required: false },
  { no: 13, name: '単位数', type: 'integer', maxLength: 6, required: true },
  { no: 14, name: '割引後率', type: 'plain', maxLength: 5, required: false },
  amount(15, '割引後単位数'),
  { no: 16, name: '回数／日数', type: 'digits', maxLength: 3, required: true },
  { no: 17, name: 'サービス単位／金額', type: 'integer', maxLength: 5, required: false },
  amount(18, '給付管理単位数'),
  amount(19, '種類支給限度基準を超える単位数'),
  amount(20, '種類支給限度基準内単位数'),
  amount(21, '区分支給限度基準を超える単位数'),
  amount(22, '区分支給限度基準内単位数'),
  { no: 23, name: '単位数単価', type: 'unitPrice', maxLength: 6, required: false },
  amount(24, '費用総額（保険／事業対象分）'),
  { no: 25, name: '給付率', type: 'digits', maxLength: 6, required: false },
  amount(26, '保険／事業費請求額'),
  amount(27, '定額利用者負担単価金額'),
  amount(28, '利用者負担（保険／事業対象分）'),
  amount(29, '利用者負担（全額負担分）'),
  { no: 30, name: '前月までの利用日数', type: 'digits', maxLength: 5, required: false },
  { no: 31, name: '当月の計画利用日数', type: 'digits', maxLength: 2, required: false },
  { no: 32, name: '累積利用日数', type: 'digits', maxLength: 5, required: false },
  { no: 33, name: '３０日超区分', type: 'code', exactLength: 1, required: false, codes: THIRTY_DAYS },
  { no: 34, name: '事業所コード', type: 'office', exactLength: 10, required: false, alsoAllowed: [ALL9_OFFICE] },
  { no: 35, name: '入力者コード', type: 'office', exactLength: 10, required: false },
  { no: 36, name: '更新業者コード', type: 'office', exactLength: 10, required: false },
  { no: 37, name: '識別子', type: 'unused', maxLength: 1, required: false },
];

export const UPSIKYU: FileLayout = {
  kind: 'UPSIKYU',
  title: '第7表（サービス利用票別表）',
  columns: SEVENTH_TABLE_COLUMNS,
  monthInName: true,
  monthColumn: 5,
  sendUnit: ['UPPLAN', 'UPHOSOKU'],
};
