export {
  generateTrainingData,
  trainingInsurers,
  trainingOffices,
  PROGRESS_STAGES,
  type ProgressStage,
  type TrainingAllowances,
  type TrainingData,
  type TrainingInsurer,
  type TrainingOffice,
  type TrainingPerson,
  type TrainingProgress,
} from './generator';
export { insurerCheckDigit, insurerNumber, officeNumber } from './identifiers';
export { seededRandom, type Random } from './random';
