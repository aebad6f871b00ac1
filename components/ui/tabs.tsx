"use client";

import Link from "next/link";
import { useId, useRef, type KeyboardEvent, type ReactNode } from "react";

export interface TabItem {
  /** Unique among the tabs; also part of the tab's element id. */
  readonly key: string;
  readonly label: ReactNode;
  /** A tab that is a page of its own: a link, followed on click, Enter or Space. */
  readonly href?: string;
}

const LOOKS = {
  /** A line under the selected tab: the form's tabs and the task lists. */
  underline: {
    list: "flex gap-1 border-b border-slate-200",
    tab: "-mb-px flex items-center gap-2 border-b-2 px-4 py-2 text-sm font-medium",
    selected: "border-brand-600 text-brand-700",
    unselected: "border-transparent text-slate-600 hover:text-slate-900",
  },
  /** The selected tab joined to the panel like a folder's: the views panel. */
  folder: {
    list: "flex flex-wrap gap-1 border-b border-slate-200",
    tab: "-mb-px rounded-t-md border px-3 py-1.5 text-sm",
    selected: "border-slate-200 border-b-white bg-white font-semibold text-slate-900",
    unselected: "border-transparent text-slate-600 hover:text-slate-900",
  },
} as const;

export type TabsLook = keyof typeof LOOKS;

export interface TabsProps {
  /** The tablist's accessible name. */
  readonly label: string;
  readonly tabs: readonly TabItem[];
  readonly selectedKey: string;
  /** Called when a tab (not a link tab) is clicked or reached with the arrow keys, Home or End. */
  readonly onSelect?: (key: string) => void;
  readonly look: TabsLook;
  /** Put the panel itself in the Tab order: for panels that may hold nothing focusable. */
  readonly focusablePanel?: boolean;
  readonly panelClassName?: string;
  /** The selected tab's panel. */
  readonly children: ReactNode;
}

/**
 * Tabs as the WAI-ARIA tabs pattern: a tablist whose tabs only the selected one is in the Tab order
 * (roving tabindex), Left and Right (wrapping), Home and End move between them, and the one panel
 * shown is the selected tab's. Button tabs are selected as focus reaches them; link tabs are pages,
 * so the keys only move focus and Enter or Space follows the link.
 */
export function Tabs({ label, tabs, selectedKey, onSelect, look, focusablePanel = false, panelClassName, children }: TabsProps) {
  const id = useId();
  const elements = useRef<(HTMLElement | null)[]>([]);
  const styles = LOOKS[look];
  const selectedIndex = Math.max(
    0,
    tabs.findIndex((tab) => tab.key === selectedKey),
  );
  const tabId = (key: string) => `${id}-tab-${key}`;
  const panelId = `${id}-panel`;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const from = elements.current.findIndex((element) => element === event.target);
    if (from < 0) return;
    if (event.key === " " && tabs[from]?.href) {
      event.preventDefault();
      elements.current[from]?.click();
      return;
    }
    const target = keyTarget(event.key, from, tabs.length);
    if (target === null) return;
    event.preventDefault();
    const tab = tabs[target]!;
    if (!tab.href) onSelect?.(tab.key);
    elements.current[target]?.focus();
  };

  return (
    <>
      <div role="tablist" aria-label={label} aria-orientation="horizontal" className={styles.list} onKeyDown={onKeyDown}>
        {tabs.map((tab, index) => {
          const isSelected = index === selectedIndex;
          const common = {
            ref: (element: HTMLElement | null) => {
              elements.current[index] = element;
            },
            role: "tab",
            id: tabId(tab.key),
            "aria-selected": isSelected,
            "aria-controls": panelId,
            tabIndex: isSelected ? 0 : -1,
            className: `${styles.tab} ${isSelected ? styles.selected : styles.unselected}`,
          } as const;
          return tab.href ? (
            <Link key={tab.key} href={tab.href} {...common}>
              {tab.label}
            </Link>
          ) : (
            <button key={tab.key} type="button" onClick={() => onSelect?.(tab.key)} {...common}>
              {tab.label}
            </button>
          );
        })}
      </div>
      <div
        role="tabpanel"
        id={panelId}
        aria-labelledby={tabs[selectedIndex] ? tabId(tabs[selectedIndex].key) : undefined}
        tabIndex={focusablePanel ? 0 : undefined}
        className={panelClassName}
      >
        {children}
      </div>
    </>
  );
}

/** The tab a key moves to from `from` among `count` tabs, or null for a key that does not move. */
function keyTarget(key: string, from: number, count: number): number | null {
  switch (key) {
    case "ArrowRight":
      return (from + 1) % count;
    case "ArrowLeft":
      return (from - 1 + count) % count;
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return null;
  }
}
