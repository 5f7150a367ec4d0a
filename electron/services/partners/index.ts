// Care-plan exchange partners (UX.md rule 14): the address book, with the self-send refusal of DOMAIN.md §4.8.
export {
  createPartnerBook,
  partnerProblems,
  type Partner,
  type PartnerBook,
  type PartnerBookOptions,
  type PartnerInput,
  type PartnerProblem,
} from './partners';
