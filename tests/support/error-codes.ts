import { KaigoError } from '../../electron/services/errors';

// What a call failed with, as the error code the tests compare.

/** The KaigoError code `fn` throws, or 'accepted' when it returns; any other error fails the test as it is. */
export function thrownCode(fn: () => unknown): string {
  try {
    fn();
    return 'accepted';
  } catch (err) {
    if (err instanceof KaigoError) return err.code;
    throw err;
  }
}

/** The code a promise rejects with: 'resolved' when it does not, 'no-code' for an error without one. */
export async function rejectionCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'resolved';
  } catch (err) {
    return (err as { code?: string }).code ?? 'no-code';
  }
}
