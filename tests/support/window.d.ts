import type { KaigoBridge } from '../../electron/contract';

declare global {
  interface Window {
    kaigo?: KaigoBridge;
  }
}
