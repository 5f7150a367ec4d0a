import type { FileKind, FileLayout } from '../layout';
import { DLT1KYO, UP1KYO, UP2KYO, UP3KYO, UPHOSOKU } from './kyotaku';
import { DLTJSK, DLTPLAN, UPJSK, UPPLAN } from './plan';
import { UPSIKYU } from './seventh';
import { DLTKIHON, DLTYOBO, UPKIHON, UPKIHON_SUB1, UPKIHON_SUB2, UPYOBO, UPYOBO_SUB } from './yobo';

/** Every v4.1 file kind of DOMAIN.md §4.3 (the 家族構成 JPEG image is not a CSV and is not read). */
export const LAYOUTS: Record<FileKind, FileLayout> = {
  UPHOSOKU,
  UP1KYO,
  DLT1KYO,
  UP2KYO,
  UP3KYO,
  UPPLAN,
  DLTPLAN,
  UPJSK,
  DLTJSK,
  UPSIKYU,
  UPKIHON,
  UPKIHON_SUB1,
  UPKIHON_SUB2,
  DLTKIHON,
  UPYOBO,
  UPYOBO_SUB,
  DLTYOBO,
};
