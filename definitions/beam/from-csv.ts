import type { FileImport, FileProblem, UploadedFile } from "@/lib/installation";

/**
 * A beam from a CSV file: one record per line, its kind first. Blank lines and
 * lines starting with # are skipped; a # after the values starts a comment.
 *
 *   name,Beam B-7
 *   node,A,0            id, x (m)
 *   node,B,6
 *   support,A,pinned    node id, pinned | roller | fixed
 *   support,B,roller
 *   point,3,50          x (m), F (kN, downward)
 *   distributed,0,6,10  x1, x2 (m), q1 [, q2] (kN/m)
 *   profile,IPE 300     optional; default IPE 300
 *   grade,S355          optional; default S355
 *   selfweight,yes      optional; yes | no
 *
 * Problems name the line and the column (the field of the line, from 1).
 */
export const BEAM_CSV_EXAMPLE = `name,Beam from CSV
node,A,0
node,B,6
support,A,pinned
support,B,roller
point,3,50
distributed,0,6,10
profile,IPE 300
grade,S355
`;

const FIELDS: Record<string, { min: number; max: number; names: string }> = {
  name: { min: 1, max: 1, names: "a name" },
  node: { min: 2, max: 2, names: "an id and a position x" },
  support: { min: 2, max: 2, names: "a node id and a type" },
  point: { min: 2, max: 2, names: "a position x and a force F" },
  distributed: { min: 3, max: 4, names: "x1, x2, q1 and optionally q2" },
  profile: { min: 1, max: 1, names: "a profile name" },
  grade: { min: 1, max: 1, names: "a steel grade" },
  selfweight: { min: 1, max: 1, names: "yes or no" },
};

export function beamFromCsv({ text }: UploadedFile): FileImport<unknown> {
  const problems: FileProblem[] = [];
  const nodes: { id: string; x: number }[] = [];
  const supports: { node: string; type: string }[] = [];
  const pointLoads: { x: number; F: number }[] = [];
  const distributedLoads: { x1: number; x2: number; q1: number; q2: number }[] = [];
  let name: string | undefined;
  let profileName = "IPE 300";
  let grade = "S355";
  let selfWeight = true;

  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const content = raw.replace(/#.*$/, "").trim();
    if (!content) return;
    const cells = content.split(/[,;\t]/).map((cell) => cell.trim());
    const kind = cells[0]!.toLowerCase();
    const values = cells.slice(1);
    const shape = FIELDS[kind];
    if (!shape) {
      problems.push({ line, column: 1, message: `"${cells[0]}" is not a record kind; use one of ${Object.keys(FIELDS).join(", ")}.` });
      return;
    }
    if (values.length < shape.min || values.length > shape.max) {
      problems.push({
        line,
        column: Math.min(values.length, shape.max) + 2,
        message: `a ${kind} line needs ${shape.names}; it has ${values.length} value${values.length === 1 ? "" : "s"}.`,
      });
      return;
    }
    const num = (at: number, what: string): number => {
      const cell = values[at - 2] ?? "";
      const value = Number(cell);
      if (cell === "" || !Number.isFinite(value)) {
        problems.push({ line, column: at, message: `${what} must be a number; "${cell}" is not.` });
        return Number.NaN;
      }
      return value;
    };
    switch (kind) {
      case "name":
        name = values[0];
        break;
      case "node":
        nodes.push({ id: values[0]!, x: num(3, "the node position x (m)") });
        break;
      case "support":
        if (!["pinned", "roller", "fixed"].includes(values[1]!)) {
          problems.push({ line, column: 3, message: `the support type "${values[1]}" is not one of pinned, roller, fixed.` });
        }
        supports.push({ node: values[0]!, type: values[1]! });
        break;
      case "point":
        pointLoads.push({ x: num(2, "the load position x (m)"), F: num(3, "the force F (kN)") });
        break;
      case "distributed": {
        const q1 = num(4, "q1 (kN/m)");
        distributedLoads.push({ x1: num(2, "x1 (m)"), x2: num(3, "x2 (m)"), q1, q2: values[3] === undefined ? q1 : num(5, "q2 (kN/m)") });
        break;
      }
      case "profile":
        profileName = values[0]!;
        break;
      case "grade":
        grade = values[0]!;
        break;
      case "selfweight":
        if (!["yes", "no"].includes(values[0]!.toLowerCase()))
          problems.push({ line, column: 2, message: `selfweight is yes or no, not "${values[0]}".` });
        selfWeight = values[0]!.toLowerCase() === "yes";
        break;
    }
  });
  if (nodes.length < 2 && problems.length === 0) problems.push({ message: "The file needs at least two node lines (the beam's ends)." });
  if (problems.length) return { ok: false, problems };

  const family = profileName.split(" ")[0]!.toUpperCase();
  return {
    ok: true,
    name,
    params: {
      geometry: { nodes, supports, section: { family, profile: profileName, grade } },
      loads: { pointLoads, distributedLoads, selfWeight },
    },
  };
}
