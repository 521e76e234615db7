import type { MouseEvent, ReactNode } from 'react';
import { useApp } from '../app-context';
import { pathOf, type Route } from '../router';

/** A real link (href, middle-click, screen readers) that navigates inside the app on a plain click. */
export function Link(props: { to: Route; className?: string; children: ReactNode; 'aria-current'?: 'page' }) {
  const { navigation } = useApp();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigation.navigate(props.to);
  };
  return (
    <a href={pathOf(props.to)} className={props.className} onClick={onClick} aria-current={props['aria-current']}>
      {props.children}
    </a>
  );
}
