"""The hostile workbooks of the corpus, made from a canvass template of the demo
questionnaire (tests/validate/questionnaire.toml), with Python's standard zipfile only.

    python3 tests/hostile/workbooks.py TEMPLATE.xlsx tests/hostile/replies
        writes the small ones into the corpus (checked in);
    python3 tests/hostile/workbooks.py TEMPLATE.xlsx DIR million xl/worksheets/sheetN.xml
        writes DIR/workbook-million-rows.xlsx (megabytes: made by the test that uses it).
"""
import sys, zipfile, zlib

template, out = sys.argv[1], sys.argv[2]
parts = {}
with zipfile.ZipFile(template) as z:
    for info in z.infolist():
        parts[info.filename] = z.read(info.filename)

def write(name, changed=None, extra=None, drop=()):
    with zipfile.ZipFile(f"{out}/{name}", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for part, data in parts.items():
            if part in drop:
                continue
            z.writestr(part, (changed or {}).get(part, data))
        for part, data in (extra or {}).items():
            z.writestr(part, data)

def first_sheet():
    return sorted(p for p in parts if p.startswith("xl/worksheets/sheet"))[1]

if sys.argv[3:4] == ["million"]:
    # The sheet SHEET (a part name) filled down to row 1,048,576 in column C, and every
    # name of an area stretched over all of those rows.
    import re
    sheet = sys.argv[4]
    text = parts[sheet].decode()
    start = text.index("<sheetData>") + len("<sheetData>")
    end = text.index("</sheetData>")
    last = max(int(r) for r in re.findall(r'<row r="(\d+)"', text))
    def rows():
        yield text[:end].encode()
        for r in range(last + 1, 1048577):
            yield b'<row r="%d">%s</row>' % (
                r, b"".join(b'<c r="%s%d"><v>%d</v></c>' % (c, r, r % 97) for c in (b"C",)))
        yield text[end:].encode()
    with zipfile.ZipFile(f"{out}/workbook-million-rows.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
        for part, data in parts.items():
            if part == sheet:
                with z.open(part, "w", force_zip64=True) as f:
                    for chunk in rows():
                        f.write(chunk)
            elif part == "xl/workbook.xml":
                stretched = re.sub(rb"(\$[A-Z]+\$\d+:\$[A-Z]+\$)\d+", rb"\g<1>1048576", data)
                z.writestr(part, stretched)
            else:
                z.writestr(part, data)
    sys.exit(0)

# Not a zip archive any more: cut in half.
whole = open(template, "rb").read()
open(f"{out}/workbook-corrupt.xlsx", "wb").write(whole[: len(whole) // 2])

# An .xlsm renamed .xlsx: the template with a VBA project in it.
write("workbook-macros.xlsx", extra={"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0" + b"\0" * 508})

# A zip bomb: a part of 200 MB of spaces, a few hundred kilobytes packed.
bomb = {first_sheet(): parts[first_sheet()] + b" " * (200 << 20)}
write("workbook-zip-bomb.xlsx", changed=bomb)

# Shared strings declaring a trillion strings (room for them would be made first).
sst = parts.get("xl/sharedStrings.xml", b"")
counted = sst.replace(b'uniqueCount="', b'uniqueCount="999999999999', 1)
write("workbook-shared-strings-count.xlsx", changed={"xl/sharedStrings.xml": counted})

# Shared strings of 20 MB: one string, repeated, packed small.
head, tail = sst.rsplit(b"</sst>", 1)
huge = head + b"<si><t>" + b"x" * (20 << 20) + b"</t></si></sst>" + tail
write("workbook-shared-strings-huge.xlsx", changed={"xl/sharedStrings.xml": huge})

# Billion laughs: entities defined in a DOCTYPE and used in a shared string.
laughs = b'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">' + b"".join(
    b'<!ENTITY %c "%s">' % (ord("b") + i, (b"&%c;" % (ord("a") + i)) * 10) for i in range(8)
) + b"]>"
entities = laughs + sst.split(b"?>", 1)[1].replace(b"<t>", b"<t>&i;", 1)
write("workbook-entities.xlsx", changed={"xl/sharedStrings.xml": entities})
