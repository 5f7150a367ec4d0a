import type { z } from 'zod';
import type { Route, RouteResult } from './routes';

// Shared by the route tables (routes.ts, data-routes.ts, delivery-routes.ts, careplan-routes.ts). A file of its own
// because routes.ts imports those tables: taking the helpers from routes.ts would be an import cycle.

/** A business answer: HTTP 200 with `{ ok: true, ...data }`. */
export const ok = (data: object): RouteResult => ({ status: 200, body: { ok: true, ...data } });

/** Types a route by its own body schema, then widens it for the shared table. */
export function route<S extends z.ZodType>(r: Route<S>): Route {
  return r as unknown as Route;
}
