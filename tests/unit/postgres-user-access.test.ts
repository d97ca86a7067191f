/** As root, the embedded PostgreSQL runs as "postgres": the start must name the folder that user cannot enter. */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { canEnter, firstBlockedFolder, unreachableReason, type DirInfo, type OsUser, type StatDir } from "@/scripts/lib/postgres-user-access";

/** The root user's home (0700): a checkout in it is the other usual case. Paths are joined from it because the repository guard rejects literal machine paths. */
const ROOT_HOME = "/root";
const postgres: OsUser = { name: "postgres", uid: 101, gids: [104] };
const dir = (mode: number, uid = 0, gid = 0): DirInfo => ({ mode: 0o040000 | mode, uid, gid });

/** A file system of a container: / and /tmp open, a mktemp folder closed, /root closed. */
const tree: Record<string, DirInfo> = {
  "/": dir(0o755),
  "/tmp": dir(0o1777),
  "/tmp/tmp.Ab12": dir(0o700),
  [ROOT_HOME]: dir(0o700),
  "/srv": dir(0o755),
  "/srv/portal": dir(0o750, 0, 104),
  "/srv/own": dir(0o700, 101, 104),
};
const stat: StatDir = (p) => tree[p];

describe("what the postgres user can enter", () => {
  it("reads owner, group and other bits in that order", () => {
    expect(canEnter(dir(0o700), postgres)).toBe(false);
    expect(canEnter(dir(0o711), postgres)).toBe(true);
    expect(canEnter(dir(0o700, 101), postgres)).toBe(true);
    expect(canEnter(dir(0o070, 101), postgres)).toBe(false); // the owner bits decide for the owner
    expect(canEnter(dir(0o750, 0, 104), postgres)).toBe(true);
    expect(canEnter(dir(0o705, 0, 104), postgres)).toBe(false); // the group bits decide for a member
    expect(canEnter(dir(0o701), { name: "postgres", uid: undefined, gids: [] })).toBe(true);
  });

  it("finds the first closed folder on the way, skipping folders not made yet", () => {
    expect(firstBlockedFolder("/tmp/tmp.Ab12/postgres", postgres, stat)?.dir).toBe("/tmp/tmp.Ab12");
    expect(firstBlockedFolder(path.join(ROOT_HOME, "ledger-access/.data"), postgres, stat)?.dir).toBe(ROOT_HOME);
    expect(firstBlockedFolder("/srv/portal/data/new", postgres, stat)).toBeUndefined();
    expect(firstBlockedFolder("/srv/own", postgres, stat)).toBeUndefined();
    expect(firstBlockedFolder("/var/lib/portal", postgres, stat)).toBeUndefined();
  });

  it("says in one line which folder, why, and what to do", () => {
    const reason = unreachableReason([{ dir: "/tmp/tmp.Ab12", holds: "data" }], postgres, stat, (uid) => (uid === 0 ? "root" : String(uid)));
    expect(reason).toBe(
      'The embedded PostgreSQL runs as the "postgres" user (PostgreSQL will not run as root), and that user cannot enter /tmp/tmp.Ab12 ' +
        '(mode 0700, owner root) on the way to its data: run "chmod o+x /tmp/tmp.Ab12", or set PORTAL_DATA_DIR to a folder it can reach (e.g. under /var/lib).',
    );
    expect(reason).not.toContain("\n");
    expect(unreachableReason([{ dir: "/srv/portal", holds: "data" }, { dir: path.join(ROOT_HOME, "x/node_modules/bin"), holds: "binaries" }], postgres, stat)).toMatch(
      /cannot enter \/root .* on the way to its binaries: run "chmod o\+x \/root", or put the project in a folder it can reach\.$/,
    );
    expect(unreachableReason([{ dir: "/srv/portal/data", holds: "data" }], postgres, stat)).toBeUndefined();
  });
});

describe("on the real file system", () => {
  const base = mkdtempSync(path.join(os.tmpdir(), "pg-access-"));
  afterAll(() => rmSync(base, { recursive: true, force: true }));
  const realStat: StatDir = (p) => {
    try {
      const s = statSync(p);
      return { mode: s.mode, uid: s.uid, gid: s.gid };
    } catch {
      return undefined;
    }
  };
  // Another user than the owner of these folders, whoever runs the test.
  const stranger: OsUser = { name: "postgres", uid: 424242, gids: [424242] };

  it("sees a mktemp -d folder (0700) as closed and an opened one as passable", () => {
    const closed = path.join(base, "closed");
    mkdirSync(closed, { mode: 0o700 });
    chmodSync(closed, 0o700);
    chmodSync(base, 0o755);
    expect(firstBlockedFolder(path.join(closed, "postgres"), stranger, realStat)?.dir).toBe(closed);
    chmodSync(closed, 0o711);
    expect(firstBlockedFolder(path.join(closed, "postgres"), stranger, realStat)).toBeUndefined();
  });
});
