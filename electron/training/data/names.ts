// Synthetic names for training data (練習モード). Common surnames and given names of the generation that uses care
// services; none belongs to a real person. Some surnames use characters outside JIS X 0208 (髙, 﨑, 𠮷): the national
// data shows such characters as ● (UX.md rule 8), so the generator writes ● and keeps the kana.

export const SURNAMES: ReadonlyArray<readonly [kanji: string, kana: string]> = [
  ['佐藤', 'サトウ'],
  ['鈴木', 'スズキ'],
  ['高橋', 'タカハシ'],
  ['田中', 'タナカ'],
  ['伊藤', 'イトウ'],
  ['渡辺', 'ワタナベ'],
  ['山本', 'ヤマモト'],
  ['中村', 'ナカムラ'],
  ['小林', 'コバヤシ'],
  ['加藤', 'カトウ'],
  ['吉田', 'ヨシダ'],
  ['山田', 'ヤマダ'],
  ['佐々木', 'ササキ'],
  ['山口', 'ヤマグチ'],
  ['松本', 'マツモト'],
  ['井上', 'イノウエ'],
  ['木村', 'キムラ'],
  ['林', 'ハヤシ'],
  ['斎藤', 'サイトウ'],
  ['清水', 'シミズ'],
  ['山崎', 'ヤマザキ'],
  ['森', 'モリ'],
  ['池田', 'イケダ'],
  ['橋本', 'ハシモト'],
  ['阿部', 'アベ'],
  ['石川', 'イシカワ'],
  ['前田', 'マエダ'],
  ['藤田', 'フジタ'],
];

/** Surnames whose first character the national data cannot show (written as ● there). */
export const UNMAPPABLE_SURNAMES: ReadonlyArray<readonly [shownAs: string, kana: string]> = [
  ['●橋', 'タカハシ'], // 髙橋
  ['山●', 'ヤマザキ'], // 山﨑
  ['●田', 'ヨシダ'], // 𠮷田
];

export const GIVEN_NAMES_MALE: ReadonlyArray<readonly [string, string]> = [
  ['太郎', 'タロウ'],
  ['一郎', 'イチロウ'],
  ['茂', 'シゲル'],
  ['清', 'キヨシ'],
  ['勇', 'イサム'],
  ['博', 'ヒロシ'],
  ['実', 'ミノル'],
  ['正雄', 'マサオ'],
  ['和夫', 'カズオ'],
  ['昭', 'アキラ'],
];

export const GIVEN_NAMES_FEMALE: ReadonlyArray<readonly [string, string]> = [
  ['花子', 'ハナコ'],
  ['幸子', 'サチコ'],
  ['和子', 'カズコ'],
  ['節子', 'セツコ'],
  ['久子', 'ヒサコ'],
  ['千代', 'チヨ'],
  ['トメ', 'トメ'],
  ['ハル', 'ハル'],
  ['美代子', 'ミヨコ'],
  ['文子', 'フミコ'],
];

/** Training municipalities (保険者). Names are real place names; the data attached to them is invented. */
export const INSURERS: ReadonlyArray<{ prefecture: string; localNumber: string; name: string; live: boolean }> = [
  { prefecture: '13', localNumber: '120', name: '練習区', live: true },
  { prefecture: '13', localNumber: '210', name: '練習市', live: true },
  { prefecture: '14', localNumber: '130', name: '演習市', live: true },
  { prefecture: '11', localNumber: '100', name: '試験市', live: true },
  // 介護情報基盤 goes live municipality by municipality (DOMAIN.md §1): this one is not yet connected.
  { prefecture: '12', localNumber: '200', name: '準備町', live: false },
];
