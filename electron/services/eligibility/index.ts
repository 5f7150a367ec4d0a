export {
  eligibilityView,
  STATE_TEXT,
  type EligibilityInput,
  type EligibilityState,
  type EligibilityView,
  type StateText,
  type Warning,
} from './result-state';
export { officialBenefitLimit } from './benefit-limits';
