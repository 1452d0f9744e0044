import { shortcutHint, shortcutProps } from '../../app/commands'

/** What a new user sees first: one thing to do, and the promise that nothing needs setting up. */
export function Welcome({ onNew, onOpenFromServer }: { onNew: () => void; onOpenFromServer: () => void }) {
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <h1 id="welcome-title">Welcome to Upstream</h1>
      <p>Write a page and press Publish — it goes to your Local sandbox, no setup needed.</p>
      <div className="welcome-actions">
        <button type="button" className="button primary" onClick={onNew} {...shortcutProps('new-draft', 'New draft')}>
          Write a new page
        </button>
        <button type="button" className="button" onClick={onOpenFromServer}>
          Open a message from a server…
        </button>
      </div>
      <p className="muted">
        New draft {shortcutHint('new-draft')} · Save {shortcutHint('save')} · Publish {shortcutHint('publish')} · Search{' '}
        {shortcutHint('search')}
      </p>
    </section>
  )
}
