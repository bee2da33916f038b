/** Something the import could not bring over as it was, and why: never dropped silently. */
export interface ImportNote {
  /** What it is about, e.g. 'schedule "Platform" layer "Nights"'. */
  subject: string;
  reason: string;
}
