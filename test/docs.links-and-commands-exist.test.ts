import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The README and the guides under docs/ point at files and name npm scripts. A file moved or a
// script renamed leaves them pointing at nothing, and nobody notices until a newcomer follows one.
// This reads every one of them and fails on a relative link to a missing file, on `npm run <name>`
// for a script package.json lacks, and on a README that grew back into a manual.

const README_MAX_LINES = 150;

function markdownUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return markdownUnder(full);
    return entry.name.endsWith(".md") ? [full] : [];
  });
}

const files = ["README.md", ...markdownUnder("docs")].map((file) => ({ file, text: readFileSync(file, "utf8") }));
const scripts = Object.keys((JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts);

/** The prose of a markdown file: code blocks and code spans left out (`a[i](x)` in code is no link). */
function prose(text: string): string {
  return text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "").replace(/`[^`\n]*`/g, "");
}

/** The targets of `[text](target)` and `![alt](target)`, without a title (`(path "title")`). */
function linkTargets(text: string): string[] {
  return [...prose(text).matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((match) => match[1]!);
}

/** A link to a file of this repository: not a URL, a mail address or an anchor on the same page. */
function isRelative(target: string): boolean {
  return !/^(https?:|mailto:|#)/i.test(target);
}

/** The scripts `npm run <name>` names, also as `npm run <name> -- …` (a full stop after it is prose). */
function npmRunNames(text: string): string[] {
  return [...text.matchAll(/npm run\s+([A-Za-z0-9:_.-]+)/g)].map((match) => match[1]!.replace(/[.:]+$/, ""));
}

describe("the README and docs/", () => {
  it("found the README and the guides (the scan itself works)", () => {
    expect(files.map(({ file }) => file)).toEqual(expect.arrayContaining(["README.md", path.join("docs", "tutorial.md")]));
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  const links = files.flatMap(({ file, text }) =>
    linkTargets(text)
      .filter(isRelative)
      .map((target) => [file, target] as const),
  );
  it.each(links)("%s links to %s, which exists", (file, target) => {
    const withoutFragment = decodeURI(target.split("#")[0]!);
    expect(existsSync(path.resolve(path.dirname(file), withoutFragment)), `${file} links to ${target}`).toBe(true);
  });

  const commands = files.flatMap(({ file, text }) => npmRunNames(text).map((name) => [file, name] as const));
  it.each(commands)("%s runs `npm run %s`, a script of package.json", (file, name) => {
    expect(scripts, `${file} names npm run ${name}`).toContain(name);
  });

  it(`keeps the README under ${README_MAX_LINES} lines: the rest belongs in docs/`, () => {
    const readme = files.find(({ file }) => file === "README.md")!.text;
    expect(readme.replace(/\n$/, "").split("\n").length).toBeLessThan(README_MAX_LINES);
  });
});
