import { COMMON_HEAD, type ColumnSpec, type FileLayout } from '../layout';

// 第6表（サービス利用票）予定 UPPLAN / 実績 UPJSK: the same 25 items, one record per user × service date × service
// code (DOMAIN.md §4.7), and the deletion files DLTPLAN / DLTJSK (all items required).

const SIXTH_TABLE_COLUMNS: readonly ColumnSpec[] = [
  ...COMMON_HEAD,
  { no: 4, name: '作成年月日', type: 'date', exactLength: 8, required: true },
  { no: 5, name: '対象年月', type: 'month', exactLength: 6, required: true },
  { no: 6, name: 'プラン担当業者コード', type: 'office', exactLength: 10, required: false },
  { no: 7, name: 'プラン担当者名', type: 'text', required: false },
  // 割引後の単位数; reductions may be negative, so the sign counts towards the 6 characters.
  { no: 8, name: '単位数', type: 'integer', maxLength: 6, required: false },
  { no: 9, name: '前月までの短期入所利用日数', type: 'digits', maxLength: 5, required: false },
  { no: 10, name: 'サービス利用日', type: 'date', exactLength: 8, required: true },
  { no: 11, name: '日割対象日', type: 'dayFlags', exactLength: 31, required: false },
  { no: 12, name: 'サービス開始時刻', type: 'time', exactLength: 4, required: true },
  { no: 13, name: 'サービス終了時刻', type: 'time', exactLength: 4, required: true },
  { no: 14, name: 'サービス回数', type: 'digits', maxLength: 2, required: true },
  { no: 15, name: 'サービスコード', type: 'serviceCode', exactLength: 6, required: true },
  { no: 16, name: 'TAISコード', type: 'plain', maxLength: 12, required: false },
  { no: 17, name: '福祉用具届出コード', type: 'plain', maxLength: 12, required: false },
  { no: 18, name: '用具名称（機種名）', type: 'text', required: false },
  { no: 19, name: '明細判別コード', type: 'digits', maxLength: 2, required: false },
  { no: 20, name: 'サービス事業者コード', type: 'office', exactLength: 10, required: true },
  { no: 21, name: 'サービス事業所名', type: 'text', required: false },
  { no: 22, name: 'サテライト枝番', type: 'digits', maxLength: 2, required: false },
  { no: 23, name: '３０日超区分', type: 'code', exactLength: 1, required: true, codes: { '1': '該当', '0': '非該当' } },
  { no: 24, name: '更新業者コード', type: 'office', exactLength: 10, required: false },
  { no: 25, name: '識別子', type: 'unused', maxLength: 1, required: false },
];

export const UPPLAN: FileLayout = {
  kind: 'UPPLAN',
  title: '第6表（サービス利用票）予定',
  columns: SIXTH_TABLE_COLUMNS,
  monthInName: true,
  monthColumn: 5,
  serviceDateColumn: 10,
  sendUnit: ['UPSIKYU', 'UPHOSOKU'],
};

export const UPJSK: FileLayout = {
  kind: 'UPJSK',
  title: '第6表（サービス利用票）実績',
  columns: SIXTH_TABLE_COLUMNS,
  monthInName: true,
  monthColumn: 5,
  serviceDateColumn: 10,
  sendUnit: [],
};

export const DLTPLAN: FileLayout = {
  kind: 'DLTPLAN',
  title: '第6表 予定削除',
  columns: [...COMMON_HEAD, { no: 4, name: '削除対象年月', type: 'month', exactLength: 6, required: true }],
  monthInName: true,
  monthColumn: 4,
  sendUnit: [],
};

export const DLTJSK: FileLayout = {
  kind: 'DLTJSK',
  title: '第6表 実績削除',
  columns: [
    ...COMMON_HEAD,
    { no: 4, name: '削除対象年月', type: 'month', exactLength: 6, required: true },
    { no: 5, name: 'サービス事業者コード', type: 'office', exactLength: 10, required: true },
    { no: 6, name: 'サービス種類コード', type: 'serviceKind', exactLength: 2, required: true },
  ],
  monthInName: true,
  monthColumn: 4,
  sendUnit: [],
};
