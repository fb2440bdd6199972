#!/usr/bin/env bash
# Nightly backup of the bot's database (cron: 30 2 * * * /opt/ydp-jobs-bot/deploy/backup.sh).
# Keeps 30 days. Restore: pg_restore --clean --if-exists -d "$DATABASE_URL_PLAIN" FILE
set -euo pipefail
DEST=${BACKUP_DIR:-/var/backups/ydp-jobs-bot}
URL=${DATABASE_URL_PLAIN:?set DATABASE_URL_PLAIN, e.g. postgresql://ydpbot@127.0.0.1/ydpbot}
mkdir -p "$DEST"
pg_dump --format=custom --file "$DEST/ydpbot-$(date +%F).dump" "$URL"
find "$DEST" -name 'ydpbot-*.dump' -mtime +30 -delete
