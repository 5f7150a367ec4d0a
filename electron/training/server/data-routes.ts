import { z } from 'zod';
import type { Route, RouteContext, RouteResult } from './routes';
import type { CardCheckRefusal } from './card-check';
import type { ViewRefusal } from './data-state';
import { ok, route } from './route-helpers';

// The data side of the training backend (issue 6): what the 介護WEBサービス offers care offices (DOMAIN.md §2–§3),
// behind the viewing rules of data-state.ts. Business refusals come back inside 200 bodies as the real service
// is expected to do; the kiban client maps them to codes.

const personKey = z.string().regex(/^\d{6}-(\d{10}|H\d{9})$/);
const personBody = z.strictObject({ personKey });
const consentBody = z.strictObject({ personKey, consent: z.enum(['obtained', 'withdrawn']) });
const base64 = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/);
const cardCheckBody = z.discriminatedUnion('mode', [
  z.strictObject({
    mode: z.literal('pin'),
    nonceId: z.string().max(64),
    certificate: base64(8192),
    signature: base64(1024),
  }),
  z.strictObject({
    mode: z.literal('visual'),
    nonceId: z.string().max(64),
    certificate: base64(8192),
    reason: z.enum(['face-card', 'pin-forgotten', 'cannot-enter', 'other']),
  }),
]);

const refused = (code: ViewRefusal | CardCheckRefusal): RouteResult => ({
  status: 200,
  body: { ok: false, error: { code } },
});

function guard(ctx: RouteContext<{ personKey: string }>, what: 'records' | 'certification-documents') {
  return ctx.data.checkView(ctx.body.personKey, ctx.office, ctx.staff!, ctx.now, what);
}

export const DATA_ROUTES: Route[] = [
  route({
    method: 'POST',
    path: '/api/v1/card-check/nonce',
    auth: 'token',
    body: null,
    handle: ({ data, now }) => {
      const { nonceId, nonce, expiresAt } = data.cards.issueNonce(now);
      return ok({ nonceId, nonce: nonce.toString('base64'), expiresAt });
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/card-check',
    auth: 'token',
    body: cardCheckBody,
    handle: ({ body, data, office, now }) => {
      const result = data.cards.verify(
        {
          nonceId: body.nonceId,
          mode: body.mode,
          certificate: Buffer.from(body.certificate, 'base64'),
          signature: body.mode === 'pin' ? Buffer.from(body.signature, 'base64') : null,
        },
        now,
      );
      if (!result.ok) return refused(result.refusal);
      const grant = data.registerService(result.personKey, office.officeNumber, body.mode, now);
      return ok({ personKey: result.personKey, mode: body.mode, viewingDeadline: grant.viewingDeadline });
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/persons/eligibility',
    auth: 'token',
    body: personBody,
    handle: (ctx) => {
      const refusal = guard(ctx, 'records');
      if (refusal) return refused(refusal);
      const person = ctx.data.persons.get(ctx.body.personKey)!;
      const grant = ctx.data.grantFor(person.personKey, ctx.office.officeNumber)!;
      const base = {
        personKey: person.personKey,
        viewingDeadline: grant.viewingDeadline,
        fetchedAt: ctx.now.toISOString(),
      };
      if (!person.insurer.live) return ok({ ...base, status: 'insurer-not-live' });
      if (person.flags.notYetReflected) return ok({ ...base, status: 'not-found' });
      if (person.flags.qualificationLost) return ok({ ...base, status: 'invalid' });
      return ok({
        ...base,
        status: 'found',
        records: {
          insuredCard: person.insuredCard,
          burdenRatio: person.burdenRatio,
          burdenLimit: person.burdenLimit,
          certification: person.certification,
        },
      });
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/persons/progress',
    auth: 'token',
    body: personBody,
    handle: (ctx) => {
      const refusal = guard(ctx, 'records');
      if (refusal) return refused(refusal);
      return ok({ progress: ctx.data.persons.get(ctx.body.personKey)!.progress });
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/persons/allowances',
    auth: 'token',
    body: personBody,
    handle: (ctx) => {
      const refusal = guard(ctx, 'records');
      if (refusal) return refused(refusal);
      const { homeModification, welfareEquipment } = ctx.data.persons.get(ctx.body.personKey)!.allowances;
      return ok({
        homeModification: { ...homeModification, remainingYen: homeModification.capYen - homeModification.usedYen },
        welfareEquipment: { ...welfareEquipment, remainingYen: welfareEquipment.capYen - welfareEquipment.usedYen },
      });
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/persons/certification-documents',
    auth: 'token',
    body: personBody,
    handle: (ctx) => {
      const refusal = guard(ctx, 'certification-documents');
      if (refusal) return refused(refusal);
      const person = ctx.data.persons.get(ctx.body.personKey)!;
      // Training stand-in for 認定調査票・主治医意見書: dates and a marked summary, no clinical text.
      return ok({
        documents: {
          surveyDate: person.insuredCard.certifiedOn ?? null,
          physicianOpinionDate: person.insuredCard.certifiedOn ?? null,
          summary: '練習用の認定調査票・主治医意見書（概要のみ）',
        },
      });
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/persons/consent',
    auth: 'token',
    body: consentBody,
    handle: (ctx) => {
      if (!ctx.data.persons.has(ctx.body.personKey)) return refused('UNKNOWN_PERSON');
      if (!ctx.data.grantFor(ctx.body.personKey, ctx.office.officeNumber)) return refused('NOT_SERVED');
      ctx.data.setConsent(ctx.body.personKey, ctx.body.consent);
      return ok({ consent: ctx.body.consent });
    },
  }),
  route({
    method: 'GET',
    path: '/api/v1/persons/served',
    auth: 'token',
    body: null,
    handle: (ctx) => ok({ persons: ctx.data.served(ctx.office.officeNumber, ctx.now) }),
  }),
];
