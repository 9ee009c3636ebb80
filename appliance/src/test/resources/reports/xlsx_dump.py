# Reads an XLSX with openpyxl (an independent reader: not the library that wrote it) and prints every sheet as
# JSON: {"sheet name": [[{"t": type, "v": value}, ...], ...]}, type n = number, d = date (an Excel date cell),
# s = text, b = boolean, null = empty. Used by ReportExportsTest.
import datetime
import json
import sys

import openpyxl

# Not read_only: that mode trusts each sheet's <dimension>, which a streaming writer such as fastexcel leaves at
# "A1" (it cannot know the size before the rows are written); Excel and LibreOffice ignore it.
wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb.worksheets:
    rows = []
    for row in ws.iter_rows():
        cells = []
        for c in row:
            v = c.value
            if v is None:
                cells.append(None)
            elif isinstance(v, bool):
                cells.append({"t": "b", "v": v})
            elif isinstance(v, datetime.datetime):
                cells.append({"t": "d", "v": v.isoformat(), "format": c.number_format})
            elif isinstance(v, (int, float)):
                cells.append({"t": "n", "v": v})
            else:
                cells.append({"t": "s", "v": str(v)})
        rows.append(cells)
    out[ws.title] = rows
json.dump(out, sys.stdout, ensure_ascii=False)
