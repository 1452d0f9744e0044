#!/usr/bin/env bash
# Undoes scripts/wordpress/setup.sh: stops PHP's server and MariaDB. With --purge, also drops the
# test database and user and removes the config and state, so the next setup starts from nothing
# (the packages stay installed: removing them is apt's job, and slow to redo).
set -euo pipefail

PORT="${WORDPRESS_PORT:-8089}"
STATE="${WORDPRESS_STATE:-/var/lib/upstream-wordpress}"
log() { echo "wordpress-teardown: $*" >&2; }

if [ -s "$STATE/php.pid" ]; then
  pid="$(cat "$STATE/php.pid")"
  # setsid made the server a process-group leader: end it and its workers, and nothing else.
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping PHP's server (pid $pid)"
    kill -- "-$pid" 2>/dev/null || kill "$pid"
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  fi
  rm -f "$STATE/php.pid"
fi

if [ "${1:-}" = --purge ] && command -v mysql >/dev/null && mysqladmin --silent ping >/dev/null 2>&1; then
  log "dropping the test database and user"
  mysql -e "DROP DATABASE IF EXISTS upstream_wp; DROP USER IF EXISTS 'upstream_wp'@'localhost';"
fi

if command -v mysqladmin >/dev/null && mysqladmin --silent ping >/dev/null 2>&1; then
  log "stopping MariaDB"
  service mariadb stop >/dev/null
fi

if [ "${1:-}" = --purge ]; then
  rm -f /etc/wordpress/config-127.0.0.1.php
  rm -rf "$STATE" /var/lib/wordpress/wp-content/uploads/[0-9][0-9][0-9][0-9]
fi
log "done (port $PORT is free again)"
