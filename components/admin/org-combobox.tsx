"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { cx } from "@/lib/utils/cx";
import { controlClasses } from "@/components/ui/form-classes";
import type { OrgChoice, OrgKind } from "@/lib/admin-orgs/org-search";

export interface OrgComboboxLabels {
  label: string;
  placeholder: string;
  noMatches: string;
  searching: string;
  /** Read out when the list changes; "{count}" is replaced by the number of matches. */
  matches: string;
  clear: string;
}

/**
 * A merchant or partner filter for a GET filter form that searches on the server (/api/admin/organisations, at
 * most 20 matches) instead of listing every organisation. The chosen id travels in a hidden field named `name`,
 * so the filter is the page's URL. The ARIA 1.2 combobox pattern: type to search, arrows to move, Enter to
 * choose, Escape to close; the text field keeps focus throughout. Labels come from the server component (no
 * client catalogue needed). Without JavaScript the current choice is still submitted.
 */
export function OrgCombobox({ name, kind, initial, labels, className, small = false }: { name: string; kind: OrgKind; initial: OrgChoice | null; labels: OrgComboboxLabels; className?: string; small?: boolean }) {
  const id = useId();
  const listId = `${id}-list`;
  const [selected, setSelected] = useState<OrgChoice | null>(initial);
  const [text, setText] = useState(initial?.name ?? "");
  const [open, setOpen] = useState(false);
  const [results, setResults] = useState<OrgChoice[] | null>(null);
  const [active, setActive] = useState(-1);
  const [query, setQuery] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  // Searches while open, 200 ms after the last keystroke; a newer search aborts the one in flight.
  useEffect(() => {
    if (query === null) return;
    const ac = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/admin/organisations?kind=${kind}&q=${encodeURIComponent(query)}`, { signal: ac.signal, headers: { accept: "application/json" } })
        .then((r) => (r.ok ? (r.json() as Promise<{ results: OrgChoice[] }>) : { results: [] }))
        .then((body) => {
          setResults(body.results);
          setActive(body.results.length > 0 ? 0 : -1);
        })
        .catch(() => {
          // aborted by a newer search, or offline: the list keeps what it had
        });
    }, 200);
    return () => {
      clearTimeout(timer);
      ac.abort();
    };
  }, [kind, query]);

  const search = (q: string) => {
    setOpen(true);
    setResults(null);
    setQuery(q);
  };
  const choose = (choice: OrgChoice | null) => {
    setSelected(choice);
    setText(choice?.name ?? "");
    setOpen(false);
    setQuery(null);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const list = results ?? [];
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!open) return search(selected ? "" : text);
      if (list.length === 0) return;
      setActive((i) => (e.key === "ArrowDown" ? (i + 1) % list.length : (i - 1 + list.length) % list.length));
    } else if (e.key === "Enter" && open) {
      // Enter in an open list chooses; otherwise it submits the form as usual.
      e.preventDefault();
      if (list[active]) choose(list[active]);
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      setOpen(false);
      setText(selected?.name ?? text);
    }
  };
  const activeId = open && results && active >= 0 ? `${id}-opt-${active}` : undefined;
  return (
    <div className={cx("relative flex flex-col", small ? "gap-1" : "gap-1.5", className)}>
      <label htmlFor={id} className={small ? "text-xs font-medium text-muted-foreground" : "text-sm leading-5 font-medium text-foreground"}>{labels.label}</label>
      <input type="hidden" name={name} value={selected?.id ?? ""} />
      <div className="relative">
        <input
          ref={inputRef}
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={activeId}
          data-testid={`org-filter-${name}`}
          value={text}
          placeholder={labels.placeholder}
          maxLength={100}
          className={cx(controlClasses, "h-9 px-2.5 py-1.5", selected ? "pr-8" : "")}
          onChange={(e) => {
            setText(e.target.value);
            setSelected(null);
            search(e.target.value.trim());
          }}
          onFocus={() => {
            if (!selected && !open) search(text.trim());
          }}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        {selected ? (
          <button
            type="button"
            className="absolute top-1/2 right-1.5 -translate-y-1/2 rounded-sm px-1 text-muted-foreground hover:text-foreground focus-visible:shadow-focus focus-visible:outline-none"
            aria-label={labels.clear}
            onClick={() => {
              choose(null);
              inputRef.current?.focus();
            }}
          >
            ×
          </button>
        ) : null}
      </div>
      <ul
        id={listId}
        role="listbox"
        aria-label={labels.label}
        hidden={!open}
        className="absolute top-full left-0 z-20 mt-1 max-h-72 w-full min-w-64 overflow-y-auto rounded-md border border-border bg-popover p-1 text-sm shadow-md"
      >
        {results === null ? (
          <li role="presentation" className="px-2 py-1.5 text-muted-foreground">{labels.searching}</li>
        ) : results.length === 0 ? (
          <li role="presentation" className="px-2 py-1.5 text-muted-foreground">{labels.noMatches}</li>
        ) : (
          results.map((r, i) => (
            <li
              key={r.id}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className={cx("cursor-pointer rounded-sm px-2 py-1.5", i === active ? "bg-primary-subtle" : "")}
              // mousedown, not click: the text field keeps focus (its blur would close the list first).
              onMouseDown={(e) => {
                e.preventDefault();
                choose(r);
              }}
              onMouseMove={() => setActive(i)}
            >
              {r.name} <span className="text-xs text-muted-foreground tabular-nums">· {r.orgNo}</span>
            </li>
          ))
        )}
      </ul>
      <span className="sr-only" aria-live="polite">{open && results ? (results.length ? labels.matches.replace("{count}", String(results.length)) : labels.noMatches) : ""}</span>
    </div>
  );
}
