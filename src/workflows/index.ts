export { organizerWorkflow } from './organizer.workflow';
