import { z } from 'zod';

// Caps applied to every IPC input: a renderer bug or a compromised page cannot make the main process
// parse megabytes or walk deep structures.
export const MAX_PAYLOAD_JSON_CHARS = 256 * 1024;
export const MAX_TEXT = 2000;
export const MAX_LIST = 1000;

/** A bounded string. Every string in an input schema goes through this. */
export const text = (max = MAX_TEXT) => z.string().max(max);

/** A bounded array. */
export const list = <T extends z.ZodType>(item: T, max = MAX_LIST) => z.array(item).max(max);

/** An input object that rejects unknown keys. */
export const input = <S extends z.ZodRawShape>(shape: S) => z.strictObject(shape);
