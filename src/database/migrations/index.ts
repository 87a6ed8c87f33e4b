import { Initial1795557540369 } from './1795557540369-Initial';

/** Every migration, oldest first. */
export const migrations = [Initial1795557540369];
