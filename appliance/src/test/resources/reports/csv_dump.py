# Reads a CSV with Python's csv module (RFC 4180 dialect "excel") after checking its UTF-8 byte order mark, and
# prints {"bom": true|false, "rows": [[field, ...], ...]} as JSON. Used by ReportExportsTest.
import csv
import io
import json
import sys

data = open(sys.argv[1], "rb").read()
bom = data.startswith(b"\xef\xbb\xbf")
text = data.decode("utf-8-sig")
rows = list(csv.reader(io.StringIO(text, newline=""), dialect="excel"))
json.dump({"bom": bom, "rows": rows}, sys.stdout, ensure_ascii=False)
