#!/usr/bin/env bash
# A real WordPress on loopback for the blog integration tests (main/protocols/blog/wordpress.test.ts):
# Debian's wordpress package, MariaDB, and PHP's built-in server. Idempotent; run as root.
# Prints the xmlrpc URL and writes $STATE/env.json, where the tests find it.
#
#   WORDPRESS_PORT (8089)   the loopback port PHP's server listens on
#   WORDPRESS_STATE (/var/lib/upstream-wordpress)   pid, log, router and env.json
set -euo pipefail

PORT="${WORDPRESS_PORT:-8089}"
HOST=127.0.0.1
URL="http://$HOST:$PORT"
STATE="${WORDPRESS_STATE:-/var/lib/upstream-wordpress}"
DB=upstream_wp
DB_USER=upstream_wp
PACKAGES=(wordpress wordpress-theme-twentytwentythree mariadb-server php-cli php-mysql php-xml php-mbstring)

log() { echo "wordpress-setup: $*" >&2; }
[ "$(id -u)" = 0 ] || { log "run as root (it installs packages and starts MariaDB)"; exit 1; }
mkdir -p "$STATE"

# 1. Packages. policy-rc.d keeps apt from starting apache2 (pulled in by the wordpress package) or
# MariaDB: we start only what we need, our way, since there is no init system to hand them to.
if ! dpkg -s "${PACKAGES[@]}" >/dev/null 2>&1; then
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT # ours: gone however the install ends
  fi
  log "installing ${PACKAGES[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
fi

# 2. MariaDB (Debian's sysvinit script works without systemd).
if ! mysqladmin --silent ping >/dev/null 2>&1; then
  log "starting MariaDB"
  service mariadb start >/dev/null
  for _ in $(seq 1 60); do mysqladmin --silent ping >/dev/null 2>&1 && break; sleep 0.5; done
  mysqladmin --silent ping >/dev/null 2>&1 || { log "MariaDB did not start"; exit 1; }
fi

# Secrets are made once and kept, so a re-run changes nothing (loopback-only test install).
secret() {
  local file="$STATE/$1"
  [ -s "$file" ] || (umask 077 && head -c 18 /dev/urandom | base64 | tr '+/' '-_' >"$file")
  cat "$file"
}
DB_PASSWORD="$(secret db-password)"
ADMIN_PASSWORD="$(secret admin-password)"
USER_PASSWORD="$(secret user-password)"
CONTRIBUTOR_PASSWORD="$(secret contributor-password)"

mysql <<SQL
CREATE DATABASE IF NOT EXISTS $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
ALTER USER '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
GRANT ALL PRIVILEGES ON $DB.* TO '$DB_USER'@'localhost';
FLUSH PRIVILEGES;
SQL

# 3. Debian's wp-config.php loads /etc/wordpress/config-<Host header without port>.php.
# WP_HOME/WP_SITEURL pin the port; cron is off so nothing runs behind the tests' backs.
salt() { head -c 48 /dev/urandom | base64 | tr -d '\n/+='; }
CONFIG=/etc/wordpress/config-$HOST.php
if ! grep -q "'$URL'" "$CONFIG" 2>/dev/null || ! grep -q "$DB_PASSWORD" "$CONFIG"; then
  log "writing $CONFIG"
  install -m 640 -g www-data /dev/null "$CONFIG"
  cat >"$CONFIG" <<PHP
<?php
// Written by Upstream's scripts/wordpress/setup.sh: a loopback test install.
define('DB_NAME', '$DB');
define('DB_USER', '$DB_USER');
define('DB_PASSWORD', '$DB_PASSWORD');
define('DB_HOST', 'localhost');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('WP_HOME', '$URL');
define('WP_SITEURL', '$URL');
define('WP_CONTENT_DIR', '/var/lib/wordpress/wp-content');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_ALLOW_MULTISITE', false);
define('AUTH_KEY', '$(salt)');
define('SECURE_AUTH_KEY', '$(salt)');
define('LOGGED_IN_KEY', '$(salt)');
define('NONCE_KEY', '$(salt)');
define('AUTH_SALT', '$(salt)');
define('SECURE_AUTH_SALT', '$(salt)');
define('LOGGED_IN_SALT', '$(salt)');
define('NONCE_SALT', '$(salt)');
\$table_prefix = 'wp_';
PHP
fi

# 4. PHP's built-in server. The router maps /wp-content to Debian's WP_CONTENT_DIR (Apache does
# it with an Alias) and hands real files (xmlrpc.php, wp-admin/*.php, images) to the server.
cat >"$STATE/router.php" <<'PHP'
<?php
$path = urldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH));
if (strpos($path, '/wp-content/') === 0 && strpos($path, '..') === false) {
  $file = '/var/lib/wordpress' . $path;
  if (is_file($file) && !preg_match('/\.php$/', $file)) {
    $types = ['png' => 'image/png', 'jpg' => 'image/jpeg', 'jpeg' => 'image/jpeg', 'gif' => 'image/gif', 'webp' => 'image/webp', 'svg' => 'image/svg+xml', 'css' => 'text/css', 'js' => 'text/javascript'];
    $ext = strtolower(pathinfo($file, PATHINFO_EXTENSION));
    header('Content-Type: ' . ($types[$ext] ?? (mime_content_type($file) ?: 'application/octet-stream')));
    header('Content-Length: ' . filesize($file));
    readfile($file);
    return true;
  }
}
if ($path !== '/' && file_exists($_SERVER['DOCUMENT_ROOT'] . $path)) return false;
require $_SERVER['DOCUMENT_ROOT'] . '/index.php';
PHP
chmod 644 "$STATE/router.php"

running() { [ -s "$STATE/php.pid" ] && kill -0 "$(cat "$STATE/php.pid")" 2>/dev/null; }
if ! running; then
  log "starting PHP's server on $URL"
  chown -R www-data:www-data /var/lib/wordpress/wp-content/uploads
  touch "$STATE/php.log" && chown www-data "$STATE/php.log"
  # Several workers: WordPress calls itself (loopback checks) and would deadlock a single one.
  PHP_CLI_SERVER_WORKERS=4 setsid runuser -u www-data -- php -S "$HOST:$PORT" -t /usr/share/wordpress "$STATE/router.php" \
    >>"$STATE/php.log" 2>&1 </dev/null &
  echo $! >"$STATE/php.pid"
fi
for _ in $(seq 1 60); do curl -fsS -o /dev/null "$URL/readme.html" 2>/dev/null && break; sleep 0.25; done
curl -fsS -o /dev/null "$URL/readme.html" || { log "PHP's server does not answer on $URL; see $STATE/php.log"; exit 1; }

# 5. The WordPress install, as a person would post the form (once).
wpdb() { mysql -N -B -u "$DB_USER" -p"$DB_PASSWORD" "$DB" -e "$1" 2>/dev/null; }
if [ -z "$(wpdb "SELECT option_value FROM wp_options WHERE option_name='siteurl'" || true)" ]; then
  log "installing WordPress"
  curl -fsS -o "$STATE/install.html" "$URL/wp-admin/install.php?step=2" \
    --data-urlencode "weblog_title=Upstream test blog" --data-urlencode "user_name=upstream-admin" \
    --data-urlencode "admin_password=$ADMIN_PASSWORD" --data-urlencode "admin_password2=$ADMIN_PASSWORD" \
    --data-urlencode "pw_weak=1" --data-urlencode "admin_email=admin@upstream.invalid" \
    --data-urlencode "blog_public=0" --data-urlencode "language="
  grep -q 'Success!' "$STATE/install.html" || { log "the WordPress install failed; see $STATE/install.html"; exit 1; }
fi

# 6. The test user (an author, as most blog clients' users are), a contributor (who may only submit
# for review), categories to pick from, and a site zone that is not UTC, so a date shifted by the
# client shows in the tests.
WP_USER=upstream WP_USER_PASSWORD="$USER_PASSWORD" WP_CONTRIBUTOR_PASSWORD="$CONTRIBUTOR_PASSWORD" php <<'PHP'
<?php
$_SERVER['HTTP_HOST'] = '127.0.0.1';
require '/usr/share/wordpress/wp-load.php';
$login = getenv('WP_USER');
$id = username_exists($login);
if (!$id) $id = wp_insert_user(['user_login' => $login, 'user_pass' => getenv('WP_USER_PASSWORD'), 'user_email' => 'upstream@upstream.invalid', 'role' => 'author']);
else wp_set_password(getenv('WP_USER_PASSWORD'), $id);
if (is_wp_error($id)) { fwrite(STDERR, $id->get_error_message() . "\n"); exit(1); }
$cid = username_exists('upstream-contributor');
if (!$cid) $cid = wp_insert_user(['user_login' => 'upstream-contributor', 'user_pass' => getenv('WP_CONTRIBUTOR_PASSWORD'), 'user_email' => 'contributor@upstream.invalid', 'role' => 'contributor']);
else wp_set_password(getenv('WP_CONTRIBUTOR_PASSWORD'), $cid);
if (is_wp_error($cid)) { fwrite(STDERR, $cid->get_error_message() . "\n"); exit(1); }
foreach (['Upstream', 'Field notes'] as $name) if (!term_exists($name, 'category')) wp_insert_term($name, 'category');
update_option('timezone_string', 'America/New_York');
update_option('gmt_offset', '');
PHP

(umask 022 && cat >"$STATE/env.json" <<JSON
{
  "url": "$URL/xmlrpc.php",
  "site": "$URL",
  "username": "upstream",
  "password": "$USER_PASSWORD",
  "timeZone": "America/New_York",
  "admin": { "username": "upstream-admin", "password": "$ADMIN_PASSWORD" },
  "contributor": { "username": "upstream-contributor", "password": "$CONTRIBUTOR_PASSWORD" },
  "db": { "name": "$DB", "user": "$DB_USER", "password": "$DB_PASSWORD" }
}
JSON
)
# Readable by the test runner whoever it runs as: a throwaway install listening on loopback only.
chmod 644 "$STATE/env.json"

curl -fsS "$URL/xmlrpc.php" -H 'Content-Type: text/xml' \
  --data '<?xml version="1.0"?><methodCall><methodName>demo.sayHello</methodName><params/></methodCall>' | grep -q 'Hello!' \
  || { log "xmlrpc.php does not answer; see $STATE/php.log"; exit 1; }
log "ready: $URL/xmlrpc.php (user upstream; details in $STATE/env.json)"
echo "export UPSTREAM_WORDPRESS_URL=$URL/xmlrpc.php"
