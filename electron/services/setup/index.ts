export { BILLING_ID_MAX_LENGTH, billingIdProblem } from './billing-id';
export {
  billingIdItems,
  certificateItem,
  connectionItem,
  loginItem,
  readerItem,
  type OfficeFacts,
  type ReaderFacts,
} from './checks';
export { SUBSIDY_CAPS, SUBSIDY_SOURCE, subsidyCapFor, type SubsidyCapFigures, type SubsidyGroup } from './subsidy-caps';
export { connectionReport } from './connection-report';
