import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app'
import { api } from './bridge'
import './styles/base.css'
import './styles/shell.css'
import './styles/write.css'
import './styles/lists.css'
import './styles/forms.css'
import './styles/conflict.css'
import './styles/inspector.css'
import './styles/weblog.css'
import { applyTheme } from './lib/theme'

applyTheme() // before the first paint, so a dark choice never flashes light
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App api={api} />
  </StrictMode>,
)
