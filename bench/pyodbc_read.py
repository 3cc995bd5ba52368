"""Reads a query with Debian's pyodbc (fetchmany) into gzip-compressed CSV: the peer of OdbcBench."""
import csv
import gzip
import sys
import time

import pyodbc

connection_string, sql, output = sys.argv[1:4]
start = time.monotonic()
connection = pyodbc.connect(connection_string)
cursor = connection.cursor()
cursor.execute(sql)
rows = 0
with gzip.open(output, "wt", compresslevel=1, newline="", encoding="utf-8") as stream:
    writer = csv.writer(stream)
    writer.writerow([column[0] for column in cursor.description])
    while True:
        batch = cursor.fetchmany(10000)
        if not batch:
            break
        writer.writerows(batch)
        rows += len(batch)
print(f"{rows} rows in {time.monotonic() - start:.2f} s")
