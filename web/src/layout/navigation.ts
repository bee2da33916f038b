import {
  IconAlertTriangle,
  IconFilterCog,
  IconChartBar,
  IconHistory,
  IconCalendarTime,
  IconHeartRateMonitor,
  IconSitemap,
  IconBroadcast,
  IconUserBolt,
  IconUsers,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react';
import type { Role } from '../api/types';

interface NavItem {
  label: string;
  path: string;
  icon: Icon;
  /** Shown only to this role and higher (the API refuses the others anyway). */
  minRole?: Role;
}

export const navItems: NavItem[] = [
  { label: "Who's on-call", path: '/on-call', icon: IconUserBolt },
  { label: 'Schedules', path: '/schedules', icon: IconCalendarTime },
  { label: 'Escalation policies', path: '/escalation-policies', icon: IconSitemap },
  { label: 'Monitors', path: '/monitors', icon: IconHeartRateMonitor },
  { label: 'Incidents', path: '/incidents', icon: IconAlertTriangle },
  { label: 'Analytics', path: '/analytics', icon: IconChartBar },
  { label: 'Status pages', path: '/status-pages', icon: IconBroadcast },
  { label: 'Teams', path: '/teams', icon: IconUsersGroup },
  { label: 'Users', path: '/users', icon: IconUsers },
  { label: 'Event rules', path: '/event-rules', icon: IconFilterCog, minRole: 'admin' },
  { label: 'Audit log', path: '/audit-log', icon: IconHistory, minRole: 'admin' },
];
