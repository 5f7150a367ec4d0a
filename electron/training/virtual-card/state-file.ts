import crypto from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import { VirtualMyNumberCard, type PinCounters } from './card';
import type { IssuedCard } from './training-ca';

// `card virtual --state FILE`: keeps one training card (its key, certificates, PIN and counters) across runs, so a
// lock survives a restart as on a real chip. Training material only; written owner-only all the same.

const StateSchema = z.object({
  version: z.literal(1),
  card: z.string().max(40),
  authPin: z
    .string()
    .regex(/^[0-9]{4}$/)
    .nullable(),
  authTries: z.number().int().min(0).max(3),
  signTries: z.number().int().min(0).max(5),
  privateKeyPem: z.string().max(4000),
  certificate: z.string().max(12000),
  caCertificate: z.string().max(12000),
});

export type CardState = z.infer<typeof StateSchema>;

export function cardStateOf(name: string, material: IssuedCard, authPin: string | null, counters: PinCounters) {
  return {
    version: 1 as const,
    card: name,
    authPin,
    ...counters,
    privateKeyPem: material.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    certificate: material.certificate.toString('base64'),
    caCertificate: material.caCertificate.toString('base64'),
  };
}

export function saveCardState(file: string, state: CardState): void {
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(state), { mode: 0o600 });
  fs.renameSync(tmp, file);
}

/** Reads a state file; throws an Error with a short reason when it is not one of ours. */
export function loadCardState(file: string): CardState {
  const parsed = StateSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error('not a virtual-card state file');
  return parsed.data;
}

/** A card from a state file that writes its counters back on every change. */
export function cardFromState(file: string, state: CardState): VirtualMyNumberCard {
  const material: IssuedCard = {
    privateKey: crypto.createPrivateKey(state.privateKeyPem),
    certificate: Buffer.from(state.certificate, 'base64'),
    caCertificate: Buffer.from(state.caCertificate, 'base64'),
  };
  return new VirtualMyNumberCard({
    material,
    authPin: state.authPin,
    authTries: state.authTries,
    signTries: state.signTries,
    label: state.card === 'not-mynumber' ? 'JPKIAPICCTOKEN' : undefined,
    onCountersChanged: (counters) => saveCardState(file, { ...state, ...counters }),
  });
}
