// The group editor: groups, schedules, sessions, cohorts, modules, intake questions, publishing.
export { createGroup, createGroupInput, type CreateGroupInput } from './create-group';
export { updateGroup, updateGroupInput, type UpdateGroupInput } from './update-group';
export { duplicateGroup, type DuplicateGroupInput } from './duplicate-group';
export { archiveGroup, type ArchiveGroupInput } from './archive-group';
export { publishGroup, checkPublish, publishFacts, type PublishGroupInput } from './publish-group';
export { unpublishGroup, type UnpublishGroupInput } from './unpublish-group';
export { publishProblems, type PublishProblem, type PublishCheck, type PublishFacts } from './publish-problems';
export { saveSchedule, type SaveScheduleInput } from './save-schedule';
export { deleteSchedule, type DeleteScheduleInput } from './delete-schedule';
export {
  previewSchedule,
  ruleFromForm,
  formFromRule,
  scheduleForm,
  WEEKDAYS,
  MONTH_WEEKS,
  type ScheduleForm,
  type ScheduleFormInput,
  type Weekday,
} from './schedule-rule';
export { addSession, type AddSessionInput } from './add-session';
export { removeSession, type RemoveSessionInput } from './remove-session';
export { materializeSessions, syncSessions, MATERIALIZE_DAYS, type MaterializeResult } from './materialize-sessions';
export { saveCohort, type SaveCohortInput } from './save-cohort';
export { deleteCohort, type DeleteCohortInput } from './delete-cohort';
export { saveModules, type SaveModulesInput } from './save-modules';
export { saveQuestions, QUESTION_TYPES, type SaveQuestionsInput } from './save-questions';
export { getGroupEditor, listOrganizationGroups, organizationBySlug, type GroupEditorData } from './get-group-editor';
export {
  groupAttributes,
  attributeIssues,
  FEE_CURRENCIES,
  type GroupAttributes,
  type GroupAttributesInput,
  type GroupColumns,
} from './group-input';
