export function newestSourceMtime(root: string): number;
export function isBuildCurrent(root: string): boolean;
export function writeBuildStamp(root: string, startedAt: number): void;
