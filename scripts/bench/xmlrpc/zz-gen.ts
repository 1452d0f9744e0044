import { writeFileSync } from 'node:fs'
import { bigEnclosure } from './payloads'
writeFileSync('/tmp/b.xml', bigEnclosure().bytes)
