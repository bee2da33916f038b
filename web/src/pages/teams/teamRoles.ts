import type { TeamRole } from '../../api/types';

export const teamRoles: TeamRole[] = ['member', 'manager'];
