import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'

/** The only files allowed to name a job's state: the transition itself and job creation. */
export const STATE_WRITERS = ['main/queue/transition.ts', 'main/queue/new-job.ts']

/**
 * Every place in a source text that sets a job's `state`: an object literal with a `state` member
 * that is job-shaped (it spreads another object, or has `history` or `attempts`), and any
 * assignment to `x.state` or `x['state']`. Other modules' own `{ state: path }` literals are not
 * jobs. Syntax only: a type-checked pass over the program takes ~15 s, this one ~1 s.
 */
export function stateWrites(file: string, text: string): string[] {
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  )
  const found: string[] = []
  const at = (n: ts.Node) => `${file}:${source.getLineAndCharacterOfPosition(n.getStart()).line + 1}`
  const isStateName = (n: ts.Node | undefined) =>
    !!n && ((ts.isIdentifier(n) && n.text === 'state') || (ts.isStringLiteral(n) && n.text === 'state'))
  const visit = (n: ts.Node): void => {
    if (
      (ts.isPropertyAssignment(n) || ts.isShorthandPropertyAssignment(n)) &&
      isStateName(n.name) &&
      ts.isObjectLiteralExpression(n.parent) &&
      jobShaped(n.parent)
    )
      found.push(at(n))
    if (
      ts.isBinaryExpression(n) &&
      n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
      n.operatorToken.kind <= ts.SyntaxKind.LastAssignment
    ) {
      const l = n.left
      if (
        (ts.isPropertyAccessExpression(l) && l.name.text === 'state') ||
        (ts.isElementAccessExpression(l) && isStateName(l.argumentExpression))
      )
        found.push(at(n))
    }
    ts.forEachChild(n, visit)
  }
  visit(source)
  return found
}

const JOB_MEMBERS = new Set(['history', 'attempts'])

function jobShaped(o: ts.ObjectLiteralExpression): boolean {
  return o.properties.some(
    (p) =>
      ts.isSpreadAssignment(p) || (p.name !== undefined && ts.isIdentifier(p.name) && JOB_MEMBERS.has(p.name.text)),
  )
}

/** Source files (not tests, not test support) under the given folders. */
export function sourceFiles(root: string, folders: string[]): string[] {
  const out: string[] = []
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) {
        if (name !== 'node_modules' && name !== 'testing') walk(path)
      } else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(relative(root, path))
    }
  }
  for (const f of folders) walk(join(root, f))
  return out
}

/** State writes outside the allowed files, in every main/ and shared/ source file. */
export function strayStateWrites(root: string): string[] {
  return sourceFiles(root, ['main', 'shared'])
    .filter((f) => !STATE_WRITERS.includes(f.split('\\').join('/')))
    .flatMap((f) => stateWrites(f, readFileSync(join(root, f), 'utf8')))
}
