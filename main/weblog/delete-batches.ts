import { deleteMultipleFiles } from '../protocols/delete-multiple-files'
import { CommunityError } from '../protocols/community-error'
import type { CommunityMember } from '../protocols/community-session'
import { readStringList } from '../protocols/read-members'
import { cancelled, describeFailure, stopsTheRun, type FileResult, type SyncStop } from './sync-outcome'
import type { PlannedDelete } from './sync-plan'
import type { SyncState } from './sync-state'

// A file the server no longer has is as deleted as we wanted it (PyCS: "no such file").
const ALREADY_GONE = /no such file|not found|does not exist|there is no/i

/**
 * Deletes in calls of at most `perCall` paths (the path sent is the one uploaded; the server maps
 * its own renaming). Confirmed deletions are recorded after each answer; failures stay in the
 * state, so the next sync tries again.
 */
export async function deleteBatches(
  member: CommunityMember,
  state: SyncState,
  deletes: readonly PlannedDelete[],
  perCall: number,
  signal?: AbortSignal,
): Promise<{ results: FileResult[]; calls: number; stop?: SyncStop }> {
  const results: FileResult[] = []
  let calls = 0
  for (let i = 0; i < deletes.length; i += perCall) {
    const paths = deletes.slice(i, i + perCall).map((d) => d.path)
    if (signal?.aborted) return { results, calls, stop: cancelled(deletes.slice(i).map((d) => d.path)) }
    try {
      calls++
      const answer = await deleteMultipleFiles(member, paths, { signal })
      const gone = answer.files.filter((f) => f.ok || ALREADY_GONE.test(f.error ?? ''))
      await state.record(gone.map((f) => ({ op: 'del' as const, path: f.path })))
      for (const f of answer.files)
        results.push(
          gone.includes(f)
            ? { path: f.path, op: 'delete', ok: true }
            : { path: f.path, op: 'delete', ok: false, error: f.error ?? answer.message },
        )
    } catch (e) {
      const error = describeFailure(e, 'xmlStorageSystem.deleteMultipleFiles', member.client.url)
      if (stopsTheRun(e)) return { results, calls, stop: { error, pending: deletes.slice(i).map((d) => d.path) } }
      // Every path refused: the errorList still tells which ones were already gone.
      const errors = e instanceof CommunityError && e.members ? readStringList(e.members, 'errorList') : undefined
      const gone = paths.filter((_, k) => ALREADY_GONE.test(errors?.[k] ?? ''))
      await state.record(gone.map((path) => ({ op: 'del' as const, path })))
      paths.forEach((path, k) =>
        results.push(
          gone.includes(path)
            ? { path, op: 'delete', ok: true }
            : { path, op: 'delete', ok: false, error: errors?.[k] || error.message },
        ),
      )
    }
  }
  return { results, calls }
}
