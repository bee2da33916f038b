import { NavLink } from '@mantine/core';
import { Link, useLocation } from 'react-router-dom';
import { navItems } from './navigation';

export function NavMenu({ onNavigate }: { onNavigate: () => void }) {
  const { pathname } = useLocation();
  return (
    <>
      {navItems.map(({ label, path, icon: Icon }) => {
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
