import { type ReactNode, useEffect, useRef } from 'react';
import { Link, useLocation } from 'wouter';
import { OfflineNotice } from '../components/offline-notice.js';
import { useSavedEvents } from '../lib/saved-events.js';
import './layout.css';

const NAV = [
  { href: '/', label: 'Search' },
  { href: '/fields', label: 'Fields' },
  { href: '/associations', label: 'Associations' },
  { href: '/saved', label: 'Saved' },
] as const;

const isCurrent = (location: string, href: string) =>
  href === '/' ? location === '/' : location === href || location.startsWith(`${href}/`);

/** Skip link, header with navigation, main landmark and footer around every page. */
export function Layout({ children }: { children: ReactNode }) {
  const [location] = useLocation();
  const savedCount = useSavedEvents().length;
  const mainRef = useRef<HTMLElement>(null);
  const shownLocation = useRef(location);

  // After a client-side navigation, start at the top and move focus to the new page, as a page load would.
  useEffect(() => {
    if (shownLocation.current === location) return;
    shownLocation.current = location;
    window.scrollTo(0, 0);
    mainRef.current?.focus({ preventScroll: true });
  }, [location]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link href="/" className="brand">
            <span className="brand__mark" aria-hidden="true">
              ◆
            </span>
            Fieldguide
          </Link>
          <nav aria-label="Main" className="site-nav">
            <ul>
              {NAV.map((item) => (
                <li key={item.href}>
                  <Link href={item.href} aria-current={isCurrent(location, item.href) ? 'page' : undefined}>
                    {item.label}
                    {item.href === '/saved' && savedCount > 0 && (
                      <span className="site-nav__count">
                        {' '}
                        {savedCount}
                        <span className="visually-hidden"> events</span>
                      </span>
                    )}
                  </Link>
                </li>
              ))}
              {/* On a phone the footer's link stands in for it, so the header keeps to one row. */}
              <li className="site-nav__wide">
                <a href="/embed-builder">Embed</a>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <OfflineNotice />
      <main id="main" ref={mainRef} tabIndex={-1} className="site-main">
        {children}
      </main>
      <footer className="site-footer">
        <p>
          Fieldguide finds conferences, career fairs and association meetings by career field, so you can go where
          hiring managers go. <Link href="/suggest-source">Suggest a source</Link> ·{' '}
          <a href="/embed-builder">Embed on your site</a> · <a href="/api/docs">API</a> ·{' '}
          <Link href="/admin">Admin</Link>
        </p>
      </footer>
    </>
  );
}
