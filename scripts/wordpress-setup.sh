#!/usr/bin/env bash
# A real WordPress for scripts/wordpress-check.mjs, from Debian's packages
# (wordpress, mariadb-server, apache2 + libapache2-mod-php, php-mysql), on
# 127.0.0.1 only. Run as root.
#
#   scripts/wordpress-setup.sh start   # MariaDB (if not running), a fresh database, Debian's
#                                      # /etc/wordpress/config-127.0.0.1.php, an Apache of our
#                                      # own on 127.0.0.1:$ANP_WP_PORT, WordPress installed,
#                                      # the plugin from dist/anp-components-wordpress.zip
#                                      # activated, the test posts created (JSON on stdout)
#   scripts/wordpress-setup.sh theme SLUG
#   scripts/wordpress-setup.sh recipe PARENT   # docs/wordpress.md's theme-only recipe, plugin off
#   scripts/wordpress-setup.sh uninstall       # the plugin's uninstall.php (last: it drops the option)
#   scripts/wordpress-setup.sh stop    # stops what `start` started
#
# Idempotent: `start` drops and recreates the database and reinstalls the plugin.
# The system's own Apache configuration is not touched: our Apache runs with its
# own config file (loading the modules Debian enabled) and its own pid file.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT="$PWD"
PORT="${ANP_WP_PORT:-8089}"
STATE="${ANP_WP_STATE:-/tmp/anp-wordpress}"
DB=anp_wp
DB_USER=anp_wp
DB_PASSWORD=anp-wp-local-only
CONTENT=/var/lib/wordpress/wp-content
CONFIG=/etc/wordpress/config-127.0.0.1.php
APACHE_CONF="$STATE/apache.conf"

log() { echo "wordpress-setup: $*" >&2; }

start_mariadb() {
  # Debian's default is bind-address = 127.0.0.1; say it again in a file of our own.
  mkdir -p /etc/mysql/mariadb.conf.d
  printf '[mysqld]\nbind-address = 127.0.0.1\n' >/etc/mysql/mariadb.conf.d/99-anp-wordpress.cnf
  if mysqladmin ping --silent >/dev/null 2>&1; then
    log "MariaDB already running"
    return
  fi
  service mariadb start >&2
  touch "$STATE/started-mariadb"
  for _ in $(seq 1 30); do
    mysqladmin ping --silent >/dev/null 2>&1 && return
    sleep 1
  done
  log "MariaDB did not answer"
  exit 1
}

create_database() {
  mysql <<SQL
DROP DATABASE IF EXISTS $DB;
CREATE DATABASE $DB DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
ALTER USER '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
GRANT ALL PRIVILEGES ON $DB.* TO '$DB_USER'@'localhost';
FLUSH PRIVILEGES;
SQL
}

write_config() {
  # Debian's /usr/share/wordpress/wp-config.php loads /etc/wordpress/config-<host>.php.
  mkdir -p /etc/wordpress
  cat >"$CONFIG" <<PHP
<?php
// Written by anp components' scripts/wordpress-setup.sh for its test site.
define('DB_NAME', '$DB');
define('DB_USER', '$DB_USER');
define('DB_PASSWORD', '$DB_PASSWORD');
define('DB_HOST', 'localhost');
define('WP_HOME', 'http://127.0.0.1:$PORT');
define('WP_SITEURL', 'http://127.0.0.1:$PORT');
define('WP_CONTENT_DIR', '$CONTENT');
define('WP_DEBUG', true);
define('WP_DEBUG_DISPLAY', false);
define('WP_DEBUG_LOG', '$STATE/debug.log');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTH_KEY', 'anp-test-$RANDOM$RANDOM');
define('SECURE_AUTH_KEY', 'anp-test-$RANDOM$RANDOM');
define('LOGGED_IN_KEY', 'anp-test-$RANDOM$RANDOM');
define('NONCE_KEY', 'anp-test-$RANDOM$RANDOM');
PHP
  chown root:www-data "$CONFIG"
  chmod 640 "$CONFIG"
}

start_apache() {
  stop_apache
  mkdir -p "$STATE/run"
  cat >"$APACHE_CONF" <<CONF
# Our own Apache for the WordPress suite; the system's sites are not loaded.
ServerRoot /etc/apache2
ServerName 127.0.0.1
Listen 127.0.0.1:$PORT
PidFile $STATE/run/apache2.pid
DefaultRuntimeDir $STATE/run
Mutex file:$STATE/run default
User www-data
Group www-data
ErrorLog $STATE/apache-error.log
LogLevel warn
Timeout 60
IncludeOptional mods-enabled/*.load
IncludeOptional mods-enabled/*.conf
TypesConfig /etc/mime.types
DocumentRoot /usr/share/wordpress
DirectoryIndex index.php index.html
Alias /wp-content $CONTENT
# Plain permalinks and no rewrite module: the browser's favicon request gets WordPress's logo, not a 404.
Alias /favicon.ico /usr/share/wordpress/wp-includes/images/w-logo-blue-white-bg.png
<Directory />
  Options FollowSymLinks
  AllowOverride None
  Require all denied
</Directory>
<Directory /usr/share/wordpress>
  Options FollowSymLinks
  Require all granted
</Directory>
<Directory $CONTENT>
  Options FollowSymLinks
  Require all granted
</Directory>
CONF
  chmod 755 "$STATE"
  touch "$STATE/debug.log"
  chown www-data "$STATE/debug.log"
  apache2 -f "$APACHE_CONF" -k start
  for _ in $(seq 1 30); do
    php -r "exit(@file_get_contents('http://127.0.0.1:$PORT/wp-includes/css/dashicons.min.css') === false ? 1 : 0);" && return
    sleep 0.5
  done
  log "Apache did not answer on 127.0.0.1:$PORT"
  tail -n 20 "$STATE/apache-error.log" >&2 || true
  exit 1
}

stop_apache() {
  if [[ -f "$STATE/run/apache2.pid" ]]; then
    apache2 -f "$APACHE_CONF" -k stop 2>/dev/null || kill "$(cat "$STATE/run/apache2.pid")" 2>/dev/null || true
    for _ in $(seq 1 20); do
      [[ -f "$STATE/run/apache2.pid" ]] || break
      sleep 0.25
    done
    rm -f "$STATE/run/apache2.pid"
  fi
}

install_plugin() {
  local zip="$ROOT/dist/anp-components-wordpress.zip"
  [[ -s "$zip" ]] || { log "$zip missing: run npm run build first"; exit 1; }
  rm -rf "$CONTENT/plugins/anp-components"
  node "$ROOT/scripts/wordpress-zip.mjs" --extract "$zip" "$CONTENT/plugins"
  chown -R www-data:www-data "$CONTENT/plugins/anp-components"
}

case "${1:-}" in
  start)
    mkdir -p "$STATE"
    start_mariadb
    create_database
    write_config
    : >"$STATE/debug.log"
    php "$ROOT/scripts/wordpress-site.php" install >&2
    install_plugin
    start_apache
    php "$ROOT/scripts/wordpress-site.php" seed "$ROOT"
    ;;
  theme)
    php "$ROOT/scripts/wordpress-site.php" theme "${2:?theme slug}"
    ;;
  uninstall)
    php "$ROOT/scripts/wordpress-site.php" uninstall
    ;;
  recipe)
    # docs/wordpress.md's functions.php in a child theme of ${2}, the plugin deactivated.
    php "$ROOT/scripts/wordpress-site.php" recipe "$ROOT" "${2:?parent theme slug}"
    ;;
  stop)
    stop_apache
    if [[ -f "$STATE/started-mariadb" ]]; then
      service mariadb stop >&2 || true
      rm -f "$STATE/started-mariadb"
    fi
    ;;
  *)
    echo "usage: $0 start|theme SLUG|recipe PARENT|uninstall|stop" >&2
    exit 2
    ;;
esac
