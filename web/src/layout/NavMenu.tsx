import { NavLink } from '@mantine/core';
import { Link, useLocation } from 'react-router-dom';
import { hasRole } from '../auth/roles';
import { useCurrentUser } from '../auth/useCurrentUser';
import { navItems } from './navigation';

export function NavMenu({ onNavigate }: { onNavigate: () => void }) {
  const { pathname } = useLocation();
  const me = useCurrentUser();
  return (
    <>
      {navItems.filter((item) => item.minRole === undefined || hasRole(me.role, item.minRole)).map(({ label, path, icon: Icon }) => {
        const active = pathname === path || pathname.startsWith(`${path}/`);
        return (
          <NavLink
            key={path}
            component={Link}
            to={path}
            label={label}
            leftSection={<Icon size={18} />}
            active={active}
            aria-current={active ? 'page' : undefined}
            onClick={onNavigate}
          />
        );
      })}
    </>
  );
}
