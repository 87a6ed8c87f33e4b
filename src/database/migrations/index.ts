import { Initial1795557540369 } from './1795557540369-Initial';
import { OrganizerDetailAndListOrder1795559593884 } from './1795559593884-OrganizerDetailAndListOrder';

/** Every migration, oldest first. */
export const migrations = [Initial1795557540369, OrganizerDetailAndListOrder1795559593884];
