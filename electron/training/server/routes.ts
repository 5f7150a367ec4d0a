import { z } from 'zod';
import type { AuthFailure, AuthState, StaffView } from './auth-state';
import { DATA_ROUTES } from './data-routes';
import { DELIVERY_ROUTES } from './delivery-routes';
import { CAREPLAN_ROUTES } from './careplan-routes';
import type { TrainingDataState } from './data-state';
import type { TrainingOffice } from './seed';
import { ok, route } from './route-helpers';

// The route table of the training backend. Each route names its method, path, whether it needs an access token,
// and the zod schema of its body; server.ts does TLS, office lookup, size cap and validation before a handler runs.
// The data endpoints of the next issue are added here as further rows.

export interface RouteContext<B> {
  body: B;
  office: TrainingOffice;
  /** Present on routes with auth: 'token'. */
  staff: (StaffView & { sessionId: string }) | null;
  auth: AuthState;
  data: TrainingDataState;
  now: Date;
  /** The request's Idempotency-Key header, when it sent a well-formed one (idempotency.ts). */
  idempotencyKey: string | null;
}

export interface RouteResult {
  status: number;
  body: unknown;
}

export interface Route<S extends z.ZodType = z.ZodType> {
  method: 'GET' | 'POST';
  path: string;
  auth: 'none' | 'token';
  /** 'required': refuse a request without an Idempotency-Key header (server.ts replays repeats). */
  idempotency?: 'required';
  body: S | null;
  handle(ctx: RouteContext<z.infer<S>>): RouteResult;
}

const businessError = (failure: AuthFailure): RouteResult => ({ status: 200, body: { ok: false, error: failure } });

const staffId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\x21-\x7e]+$/);
const secret = z.string().min(1).max(256);
const token = z.string().min(16).max(256);

const loginBody = z.strictObject({ staffId, password: secret });
const otpBody = z.strictObject({ pendingId: token, otp: z.string().regex(/^\d{6}$/) });
const refreshBody = z.strictObject({ refreshToken: token });

const AUTH_ROUTES: Route[] = [
  route({
    method: 'GET',
    path: '/api/v1/ping',
    auth: 'none',
    body: null,
    handle: ({ office, now }) =>
      ok({
        service: 'kaigo-desk-training',
        training: true,
        officeNumber: office.officeNumber,
        time: now.toISOString(),
      }),
  }),
  route({
    method: 'POST',
    path: '/api/v1/login',
    auth: 'none',
    body: loginBody,
    handle: ({ body, office, auth }) => {
      const r = auth.login(body.staffId, body.password, office.officeNumber);
      return r.ok ? ok(r.value) : businessError(r.failure);
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/login/otp',
    auth: 'none',
    body: otpBody,
    handle: ({ body, office, auth }) => {
      const r = auth.verifyOtp(body.pendingId, body.otp, office.officeNumber);
      return r.ok ? ok(r.value) : businessError(r.failure);
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/token/refresh',
    auth: 'none',
    body: refreshBody,
    handle: ({ body, office, auth }) => {
      const r = auth.refresh(body.refreshToken, office.officeNumber);
      return r.ok ? ok(r.value) : businessError(r.failure);
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/logout',
    auth: 'token',
    body: null,
    handle: ({ staff, auth }) => {
      if (staff) auth.logout(staff.sessionId);
      return ok({});
    },
  }),
  route({
    method: 'GET',
    path: '/api/v1/me',
    auth: 'token',
    body: null,
    handle: ({ staff }) =>
      ok({ staff: { staffId: staff!.staffId, jobType: staff!.jobType, officeNumber: staff!.officeNumber } }),
  }),
];

export const ROUTES: Route[] = [...AUTH_ROUTES, ...DATA_ROUTES, ...DELIVERY_ROUTES, ...CAREPLAN_ROUTES];
