import type { TrainingOfficeIdentity } from '../pki';

// Training offices and staff (training data only: the passwords are published in the training guide on purpose).
// Staff tiers follow the service's 事業所ユーザ → 管理者ユーザ → 一般ユーザ (DOMAIN.md §3.2). 事業所番号 carry valid
// check digits (DOMAIN.md §2.16): 13 東京都, 区分 7 指定事業所.

export type JobType = 'care-manager' | 'home-helper' | 'front-desk' | 'administrator';

export interface TrainingOffice extends TrainingOfficeIdentity {
  /** サービス種類コード: 43 居宅介護支援, 11 訪問介護. */
  serviceType: string;
}

export interface TrainingStaffSeed {
  staffId: string;
  password: string;
  jobType: JobType;
  officeNumber: string;
  /** Where the one-time password goes, shown masked. */
  contact: string;
}

export const TRAINING_OFFICES: TrainingOffice[] = [
  { officeNumber: '1370100016', officeName: '練習用 居宅介護支援事業所 さくら', serviceType: '43' },
  { officeNumber: '1370100024', officeName: '練習用 訪問介護事業所 さくら', serviceType: '11' },
];

export const TRAINING_STAFF: TrainingStaffSeed[] = [
  {
    staffId: 'cm-renshu01',
    password: 'Renshu-CM-2026!',
    jobType: 'care-manager',
    officeNumber: '1370100016',
    contact: 'cm01@training.invalid',
  },
  {
    staffId: 'admin-renshu01',
    password: 'Renshu-Admin-2026!',
    jobType: 'administrator',
    officeNumber: '1370100016',
    contact: 'admin01@training.invalid',
  },
  {
    staffId: 'front-renshu01',
    password: 'Renshu-Front-2026!',
    jobType: 'front-desk',
    officeNumber: '1370100024',
    contact: 'front01@training.invalid',
  },
  {
    staffId: 'helper-renshu01',
    password: 'Renshu-Helper-2026!',
    jobType: 'home-helper',
    officeNumber: '1370100024',
    contact: 'helper01@training.invalid',
  },
];
