import { describe, expect, it } from "vitest";
import { clampPageSize, decodeCursor, encodeCursor, likePattern, pageHref, parseListQuery, PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX, searchText, toKeysetPage } from "@/lib/paging/keyset";

describe("keyset paging helpers", () => {
  it("round-trips cursors and refuses anything that is not one of ours", () => {
    const c = encodeCursor(["Fjord Kaffe AS", "0b6c1d8e-0000-4000-8000-000000000001"]);
    expect(decodeCursor(c, 2)).toEqual(["Fjord Kaffe AS", "0b6c1d8e-0000-4000-8000-000000000001"]);
    expect(decodeCursor(c, 3)).toBeNull(); // wrong shape for this list
    expect(decodeCursor("not base64 json", 2)).toBeNull();
    expect(decodeCursor(Buffer.from(JSON.stringify([1, 2])).toString("base64url"), 2)).toBeNull();
    expect(decodeCursor(Buffer.from('{"a":1}').toString("base64url"), 1)).toBeNull();
    expect(decodeCursor("x".repeat(600), 2)).toBeNull();
    expect(decodeCursor(undefined, 2)).toBeNull();
  });

  it("caps the page size and falls back on nonsense", () => {
    expect(clampPageSize("100000")).toBe(PAGE_SIZE_MAX);
    expect(clampPageSize("-3")).toBe(PAGE_SIZE_DEFAULT);
    expect(clampPageSize("abc")).toBe(PAGE_SIZE_DEFAULT);
    expect(clampPageSize("10")).toBe(10);
    expect(parseListQuery({ size: ["500", "1"] }, 2).size).toBe(PAGE_SIZE_MAX);
  });

  it("reads q, after and before from searchParams (before wins), bounding the search text", () => {
    const after = encodeCursor(["a", "b"]);
    const before = encodeCursor(["c", "d"]);
    expect(parseListQuery({ q: "  kaffe\u0000 ", after }, 2)).toEqual({ q: "kaffe", cursor: ["a", "b"], direction: "next", size: PAGE_SIZE_DEFAULT });
    expect(parseListQuery({ after, before }, 2)).toMatchObject({ cursor: ["c", "d"], direction: "prev" });
    expect(searchText("x".repeat(500))).toHaveLength(100);
  });

  it("builds pages: probe row dropped, backward reads turned round, cursors at both ends", () => {
    const key = (n: number) => [String(n)];
    const firstPage = toKeysetPage([1, 2, 3], { cursor: null, direction: "next", size: 2 }, key, 10);
    expect(firstPage).toMatchObject({ items: [1, 2], prevCursor: null, total: 10 });
    expect(decodeCursor(firstPage.nextCursor, 1)).toEqual(["2"]);
    const last = toKeysetPage([9, 10], { cursor: ["8"], direction: "next", size: 2 }, key, 10);
    expect(last.nextCursor).toBeNull();
    expect(decodeCursor(last.prevCursor, 1)).toEqual(["9"]);
    const back = toKeysetPage([4, 3, 2], { cursor: ["5"], direction: "prev", size: 2 }, key, 10);
    expect(back.items).toEqual([3, 4]);
    expect(decodeCursor(back.prevCursor, 1)).toEqual(["3"]);
    expect(decodeCursor(back.nextCursor, 1)).toEqual(["4"]);
    const backToStart = toKeysetPage([2, 1], { cursor: ["3"], direction: "prev", size: 2 }, key, 10);
    expect(backToStart.prevCursor).toBeNull();
  });

  it("escapes LIKE pattern characters and keeps filters in page links", () => {
    expect(likePattern("50%_a\\b")).toBe("%50\\%\\_a\\\\b%");
    expect(likePattern("912", "prefix")).toBe("912%");
    expect(pageHref("/merchant/partners", { partner: "p1", after: "old", q: "kiosk" }, { before: "c" })).toBe("/merchant/partners?partner=p1&q=kiosk&before=c");
    expect(pageHref("/partner/clients", {}, {})).toBe("/partner/clients");
  });

  it("reads and writes a second list's cursors under a prefix, keeping the first list's", () => {
    const c = encodeCursor(["2026-12-01T00:00:00.000Z", "00000000-0000-4000-8000-000000000001"]);
    const params = { q: "regnskap", after: "first-list", hafter: c };
    expect(parseListQuery(params, 2, { prefix: "h" })).toMatchObject({ q: "regnskap", cursor: ["2026-12-01T00:00:00.000Z", "00000000-0000-4000-8000-000000000001"], direction: "next" });
    expect(parseListQuery({ hbefore: c }, 2, { prefix: "h", size: 10 })).toMatchObject({ direction: "prev", size: 10 });
    expect(pageHref("/merchant/requests", params, { before: "b" }, "h")).toBe("/merchant/requests?q=regnskap&after=first-list&hbefore=b");
    expect(pageHref("/merchant/requests", params, { after: "n" })).toBe("/merchant/requests?q=regnskap&hafter=" + c + "&after=n");
  });
});
