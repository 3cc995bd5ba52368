#!/usr/bin/env bash
# ODBC reader benchmark: one PostgreSQL table (int, text, timestamp) of 1,000,000 and 10,000,000
# rows, read into gzip-compressed CSV by CloudLink's reader, by System.Data.Odbc (the same CSV
# writer and gzip stream), by `psql \copy`, by Debian's pyodbc (fetchmany) and by unixODBC's isql;
# rows/s and peak RSS side by side. Two floors of psqlODBC itself: bound-floor fetches every row
# into CloudLink's bound buffers and writes nothing; unbound-floor fetches with nothing bound, so no
# value is converted at all. cloudlink-long reads the same table with one name in 1,000 of 3,000
# characters: longer than the bound buffer, so the block cursor gives way to reading row by row.
# Usage: bench/odbc.sh [ROWS ...]   (default: 1000000 10000000). Needs what .ci/run installs,
# plus python3-pyodbc and time; starts and stops its own PostgreSQL server.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sizes=("$@")
[ "${#sizes[@]}" -gt 0 ] || sizes=(1000000 10000000)

for tool in /usr/bin/time isql psql gzip; do command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install time unixodbc postgresql-client gzip)" >&2; exit 1; }; done
/usr/bin/python3 -c "import pyodbc" 2>/dev/null || { echo "missing pyodbc (apt-get install python3-pyodbc)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/cloudlink-bench.XXXXXX")
chmod 755 "$work"
trap '"$root/.ci/postgres" stop "$work/postgres" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
eval "$("$root/.ci/postgres" start "$work/postgres")"
export PGPASSWORD=$CLOUDLINK_TEST_PG_PASSWORD
pg=(psql -q -h 127.0.0.1 -p "$CLOUDLINK_TEST_PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1)

dotnet build "$root/bench/OdbcBench" -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
bench_dll="$root/bench/OdbcBench/bin/Release/net10.0/OdbcBench.dll"
connection="DRIVER={PostgreSQL Unicode};Server=127.0.0.1;Port=$CLOUDLINK_TEST_PG_PORT;Database=postgres;UID=postgres;PWD=$PGPASSWORD"
streaming="$connection;UseDeclareFetch=1;Fetch=10000"
cat >"$work/odbc.ini" <<INI
[bench]
Driver = PostgreSQL Unicode
Servername = 127.0.0.1
Port = $CLOUDLINK_TEST_PG_PORT
Database = postgres
Username = postgres
Password = $PGPASSWORD
UseDeclareFetch = 1
Fetch = 10000
INI

# measure NAME COMMAND...: runs COMMAND under /usr/bin/time, prints "NAME seconds peak_kb".
measure() {
  local name=$1
  shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; return 1; }
  printf '%s %s\n' "$name" "$(cat "$work/time")"
}

results="$work/results"
: >"$results"
for rows in "${sizes[@]}"; do
  "${pg[@]}" -c "DROP TABLE IF EXISTS bench" -c "CREATE TABLE bench AS SELECT g AS id, 'queue ' || g || ' Grüße' AS name, timestamp '2026-01-01' + g * interval '1 second' AS ts FROM generate_series(1, $rows) g" -c "VACUUM ANALYZE bench"
  sql="SELECT id, name, ts FROM bench"
  {
    measure cloudlink dotnet "$bench_dll" cloudlink "$streaming" "$sql" "$work/out.csv.gz"
    measure system-data-odbc dotnet "$bench_dll" system-data-odbc "$streaming" "$sql" "$work/sdo.csv.gz"
    measure bound-floor dotnet "$bench_dll" bound-floor "$streaming" "$sql"
    measure unbound-floor dotnet "$bench_dll" unbound-floor "$streaming" "$sql"
    measure psql-copy sh -c "psql -h 127.0.0.1 -p $CLOUDLINK_TEST_PG_PORT -U postgres -d postgres -c \"\\copy ($sql) to stdout csv header\" | gzip -1 > $work/psql.csv.gz"
    measure pyodbc /usr/bin/python3 "$root/bench/pyodbc_read.py" "$streaming" "$sql" "$work/py.csv.gz"
    measure isql sh -c "echo '$sql' | ODBCINI=$work/odbc.ini isql -b -d, -c bench | gzip -1 > $work/isql.csv.gz"
  } | while read -r name seconds kb; do echo "$rows $name $seconds $kb"; done >>"$results"
  for output in out sdo; do
    check=$(gzip -dc "$work/$output.csv.gz" | wc -l)
    [ "$check" -eq $((rows + 1)) ] || { echo "$output.csv.gz has $check lines for $rows rows" >&2; exit 1; }
  done
  "${pg[@]}" -c "DROP TABLE bench" -c "CREATE TABLE bench AS SELECT g AS id, CASE WHEN g % 1000 = 0 THEN rpad('queue ' || g || ' Grüße ', 3000, 'x') ELSE 'queue ' || g || ' Grüße' END AS name, timestamp '2026-01-01' + g * interval '1 second' AS ts FROM generate_series(1, $rows) g" -c "VACUUM ANALYZE bench"
  measure cloudlink-long dotnet "$bench_dll" cloudlink "$streaming" "$sql" "$work/long.csv.gz" | while read -r name seconds kb; do echo "$rows $name $seconds $kb"; done >>"$results"
  check=$(gzip -dc "$work/long.csv.gz" | awk 'length($0) > 3000' | wc -l)
  [ "$check" -eq $((rows / 1000)) ] || { echo "long.csv.gz has $check long names for $rows rows" >&2; exit 1; }
done

awk '
  { rows[NR]=$1; name[NR]=$2; secs[NR]=$3; kb[NR]=$4; if ($2 == "cloudlink") ours[$1]=$1/$3 }
  END {
    printf "%-10s %-17s %10s %12s %10s %14s\n", "rows", "reader", "seconds", "rows/s", "peak MB", "CloudLink is";
    for (i = 1; i <= NR; i++) {
      rate = rows[i] / secs[i];
      ratio = name[i] == "cloudlink" ? "-" : sprintf("%.2fx", ours[rows[i]] / rate);
      printf "%-10s %-17s %10.2f %12.0f %10.1f %14s\n", rows[i], name[i], secs[i], rate, kb[i] / 1024, ratio;
    }
    print "(cloudlink-long: one name in 1,000 of 3,000 characters, read row by row; its ratio is how much faster the plain table is read)";
  }' "$results"
