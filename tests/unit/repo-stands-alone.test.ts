/**
 * The repository stands on its own: no tracked file may refer to a place outside it (a sibling folder, a path of
 * one machine), or a fresh clone fails where the author's checkout passes. `.ci/run` also runs the unit tests
 * from a copy in an empty temporary folder, which catches what a pattern cannot.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeReferences, scanRepository, scanText } from "../support/outside-references";

const ROOT = path.resolve(import.meta.dirname, "../..");
/** This file shows the scanner what to catch; it builds those paths from pieces so it names none itself. */
const SELF = "tests/unit/repo-stands-alone.test.ts";
const SIBLING = ["..", "shared"].join("/");
const WORK = ["", "work"].join("/");

describe("the repository stands on its own", () => {
  it("no repository file refers to a path outside the repository", () => {
    const { files, found } = scanRepository(ROOT, [SELF]);
    expect(files).toBeGreaterThan(100);
    expect(found, `Files point outside the repository (keep what they need inside it):\n${describeReferences(found)}`).toEqual([]);
  });
});

describe("the scanner", () => {
  const reasons = (file: string, text: string) => scanText(file, text).map((f) => `${f.line}:${f.reason}`);

  it("finds the sibling folder, from any depth and in any spelling", () => {
    expect(reasons("sandbox/test-support/openapi.ts", `const a = 1;\nexport const P = path.resolve(ROOT, "${SIBLING}/reference/x.yaml");`)).toEqual([
      "2:the sibling folder next to the repository",
    ]);
    expect(reasons("README.md", `see ${SIBLING.replace("/", "\\")}\\docs`)).toEqual(["1:the sibling folder next to the repository"]);
  });

  it("finds relative paths that climb above the root from where they are written", () => {
    expect(scanText("sandbox/README.md", "Facts are in `../../docs/report-api.md`.")).toHaveLength(1);
    expect(scanText("sandbox/README.md", "Facts are in [the doc](../docs/report-api.md).")).toEqual([]);
    expect(scanText("lib/a/b.ts", 'import { x } from "../../lib/c";')).toEqual([]);
    expect(scanText("lib/a/b.ts", 'import { x } from "../../../elsewhere/c";')[0]?.reason).toMatch(/climbs out of the repository from lib\/a\//);
  });

  it("finds absolute paths of a machine, but not system paths or URLs", () => {
    expect(reasons("x.md", `cp ${WORK}/shared/reference/a.yaml .`)).toEqual(["1:an absolute path of a machine"]);
    expect(reasons("x.sh", "cd /root/project && npm ci")).toEqual(["1:the root user's home folder"]);
    expect(reasons("x.sh", "HOME=/home/alice npm ci")).toEqual(["1:somebody's home folder"]);
    expect(reasons("x.sh", "cd /Users/bob/code")).toEqual(["1:somebody's home folder"]);
    expect(reasons("x.ts", 'const p = "C:\\\\Users\\\\carol\\\\x";')).toEqual(["1:somebody's home folder"]);
    expect(scanText("x.ts", 'const chromium = "/usr/bin/chromium"; if (!ls /etc/postgresql/*/main) {}')).toEqual([]);
    expect(scanText("x.md", "https://developer.vippsmobilepay.com/docs/APIs/report-api/ and https://example.com/home/x/../../y")).toEqual([]);
    expect(scanText("x.ts", `const out = \`\${dir}${WORK}/\${id}\`; const n = a${WORK}/b;`)).toEqual([]);
  });
});
