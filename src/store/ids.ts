import { v7 } from 'uuid';

/** Time-ordered ids, so keyset pagination by id lists in creation order. */
export const newId = (): string => v7();
