import {
  type KeyboardEvent as ReactKeyboardEvent,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import { NavLink, useLocation } from 'react-router';

export type NavItem = { to: string; label: string; end?: boolean };
export type NavGroup = { key: string; label: string; items: NavItem[] };
export type NavEntry = NavItem | NavGroup;

const isGroup = (entry: NavEntry): entry is NavGroup => 'items' in entry;

/** The first link inside `root`, for moving focus into a panel that just opened. */
function focusFirstLink(root: HTMLElement | null) {
  root?.querySelector<HTMLElement>('a[href], button')?.focus();
}

/**
 * Closes an open panel on Escape (focus back on its toggle) and on a click or focus outside it.
 * The disclosure pattern (a button with aria-expanded over a list of links) is what the WAI pattern for
 * site navigation recommends; ARIA menus would take arrow keys away from ordinary links.
 */
function useDismiss(open: boolean, close: () => void, container: React.RefObject<HTMLElement | null>) {
  useEffect(() => {
    if (!open) return;
    const outside = (event: Event) => {
      const target = event.target as Node | null;
      if (target && container.current && !container.current.contains(target)) close();
    };
    document.addEventListener('pointerdown', outside);
    document.addEventListener('focusin', outside);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('focusin', outside);
    };
  }, [open, close, container]);
}

function NavGroupDisclosure({ group }: { group: NavGroup }) {
  const [open, setOpen] = useState(false);
  const location = useLocation();
  const wrapper = useRef<HTMLLIElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, wrapper);
  // A followed link closes the group, so the next page is not covered by it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the location change is the trigger.
  useEffect(() => setOpen(false), [location.pathname]);

  const onKeyDown = (event: ReactKeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      event.stopPropagation();
      setOpen(false);
      toggle.current?.focus();
    }
  };
  const current = group.items.some((item) =>
    item.end ? location.pathname === item.to : location.pathname.startsWith(item.to),
  );

  return (
    <li ref={wrapper} className="main-nav__group" onKeyDown={onKeyDown}>
      <button
        ref={toggle}
        type="button"
        className={`main-nav__link main-nav__toggle${current ? ' active' : ''}`}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        {group.label}
        <span className="main-nav__chevron" aria-hidden="true" />
      </button>
      <ul id={panelId} className="main-nav__submenu" hidden={!open}>
        {group.items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end} className="main-nav__sublink">
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </li>
  );
}

/**
 * The site's main navigation: single links and groups that fold open. On a narrow screen the whole
 * list sits behind one menu button, so the header does not eat half of a phone's height.
 */
export function SiteNav({
  label,
  menuLabel,
  entries,
}: {
  label: string;
  menuLabel: string;
  entries: NavEntry[];
}) {
  const [open, setOpen] = useState(false);
  const location = useLocation();
  const nav = useRef<HTMLElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, nav);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the location change is the trigger.
  useEffect(() => setOpen(false), [location.pathname]);

  const onToggle = () => {
    const next = !open;
    setOpen(next);
    // Moving focus into the panel lets a keyboard or screen reader user continue right into the links.
    if (next) requestAnimationFrame(() => focusFirstLink(panel.current));
  };
  const onKeyDown = (event: ReactKeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      setOpen(false);
      toggle.current?.focus();
    }
  };

  return (
    <nav ref={nav} className="main-nav" aria-label={label} onKeyDown={onKeyDown}>
      <div className="container main-nav__bar">
        <button
          ref={toggle}
          type="button"
          className="main-nav__menu-button"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={onToggle}
        >
          <span className="main-nav__burger" aria-hidden="true" />
          {menuLabel}
        </button>
      </div>
      <div id={panelId} ref={panel} className={`main-nav__panel${open ? ' main-nav__panel--open' : ''}`}>
        <ul className="container main-nav__list">
          {entries.map((entry) =>
            isGroup(entry) ? (
              <NavGroupDisclosure key={entry.key} group={entry} />
            ) : (
              <li key={entry.to}>
                <NavLink to={entry.to} end={entry.end} className="main-nav__link">
                  {entry.label}
                </NavLink>
              </li>
            ),
          )}
        </ul>
      </div>
    </nav>
  );
}
