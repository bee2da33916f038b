import type { IncidentEvent } from '../../api/incidentTypes';
import { describeEvent as describeEntry } from '../../../../src/core/incident/describe-event';

/** A user's name from their id; the caller decides what an unknown or missing user reads as. */
export type NameOf = (userId: string | null | undefined) => string;

/** The timeline's sentence for an entry (the postmortem's wording), with a note's text in the line. */
export const describeEvent = (event: IncidentEvent, nameOf: NameOf): string => describeEntry({ ...event, at: Date.parse(event.at) }, nameOf, { noteText: true });
