import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { markBuiltAt, needsBuild } from "@/scripts/lib/build-state";

// `npm start` builds only when a source is newer than the last build (scripts/lib/build-state.ts).
describe("when npm start builds again", () => {
  let root = "";
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  // npm test builds into its own folder (NEXT_DIST_DIR); the start script reads the same variable.
  const dist = process.env.NEXT_DIST_DIR || ".next";

  function project(sourceSavedAt: Date) {
    root = mkdtempSync(path.join(tmpdir(), "build-state-"));
    mkdirSync(path.join(root, "app"));
    mkdirSync(path.join(root, dist));
    const source = path.join(root, "app", "page.tsx");
    writeFileSync(source, "export default function Page() {}");
    utimesSync(source, sourceSavedAt, sourceSavedAt);
    utimesSync(path.join(root, "app"), sourceSavedAt, sourceSavedAt);
    writeFileSync(path.join(root, dist, "BUILD_ID"), "test");
    return root;
  }

  it("reuses a build that started after the last change", () => {
    const dir = project(new Date("2026-12-01T10:00:00Z"));
    markBuiltAt(new Date("2026-12-01T10:05:00Z"), dir);
    expect(needsBuild(dir)).toBe(false);
  });

  it("builds again when a source was saved while the build ran, though the build ended after it", () => {
    // The build ran 10:00–10:02 (BUILD_ID written at 10:02); a merge saved the source at 10:01.
    const dir = project(new Date("2026-12-01T10:01:00Z"));
    utimesSync(path.join(dir, dist, "BUILD_ID"), new Date("2026-12-01T10:02:00Z"), new Date("2026-12-01T10:02:00Z"));
    expect(needsBuild(dir)).toBe(false); // what the end time alone would say
    markBuiltAt(new Date("2026-12-01T10:00:00Z"), dir);
    expect(needsBuild(dir)).toBe(true);
  });
});
