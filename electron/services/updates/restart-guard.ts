// Never restart for an update while a card check or a send is in progress (issue 9): a card check interrupted halfway
// leaves the client at the counter with no answer, and a send cut off mid-request becomes "ambiguous" (DESIGN.md §5).

export interface BusyState {
  cardCheckInProgress: boolean;
  sendInProgress: boolean;
}

export type RestartBlocker = 'card-check' | 'send';

export type RestartDecision = { allowed: true } | { allowed: false; waitFor: RestartBlocker[] };

export function mayRestartForUpdate(state: BusyState): RestartDecision {
  const waitFor: RestartBlocker[] = [];
  if (state.cardCheckInProgress) waitFor.push('card-check');
  if (state.sendInProgress) waitFor.push('send');
  return waitFor.length === 0 ? { allowed: true } : { allowed: false, waitFor };
}
