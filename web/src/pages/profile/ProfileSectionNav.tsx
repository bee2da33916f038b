import { NavLink } from '@mantine/core';

export const profileSections = [
  { id: 'account', label: 'Account' },
  { id: 'password', label: 'Password' },
  { id: 'contact-methods', label: 'Contact methods' },
  { id: 'notification-rules', label: 'Notification rules' },
  { id: 'notices', label: 'Notices' },
  { id: 'time-off', label: 'Time off' },
  { id: 'api-tokens', label: 'API tokens' },
  { id: 'calendar-feeds', label: 'Calendar feeds' },
  { id: 'two-factor', label: 'Two-factor' },
] as const;

/** Jump links to the profile's sections, beside them on wide screens. */
export function ProfileSectionNav() {
  return (
    <nav aria-label="Profile sections">
      {profileSections.map((section) => (
        <NavLink key={section.id} href={`#${section.id}`} label={section.label} />
      ))}
    </nav>
  );
}
