# Writes the .xlsx fixtures of SpreadsheetXlsxReaderTest (run: python3 make-fixtures.py). Each is the shape a real
# writer produces: Outlay's own export (inline strings), a spreadsheet program's re-save (shared strings, rich-text
# runs, a phonetic run, numbers, booleans, a skipped cell, an empty row), and a workbook without sheet1.
import zipfile

CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="xml" ContentType="application/xml"/></Types>')
NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'

def write(name, parts):
    with zipfile.ZipFile(name, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', CT)
        for path, text in parts.items():
            z.writestr(path, text)

def inline(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'

write('outlay-export.xlsx', {'xl/worksheets/sheet1.xml':
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{NS}"><sheetData>'
    f'<row r="1">{inline("A1", "FIRST")}{inline("B1", "in:amount")}{inline("C1", "out:outcome")}{inline("D1", "description")}</row>'
    f'<row r="2">{inline("A2", "r1")}{inline("B2", "&gt;= 5000")}{inline("C2", "&quot;warn&quot;")}{inline("D2", "big, &amp; quoted")}</row>'
    '</sheetData></worksheet>'})

write('resaved-shared-strings.xlsx', {
    'xl/sharedStrings.xml': f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{NS}" count="5" uniqueCount="5">'
        '<si><t>FIRST</t></si><si><t>in:amount</t></si><si><r><t>out:</t></r><r><rPr><b/></rPr><t>outcome</t></r></si>'
        '<si><t>r1</t><rPh sb="0" eb="1"><t>ignored</t></rPh></si><si><t xml:space="preserve"> &gt;= 5000 </t></si></sst>',
    'xl/worksheets/sheet1.xml': f'\ufeff<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{NS}"><sheetData>'
        '<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>'
        '<row r="3"><c r="A3" t="s"><v>3</v></c><c r="B3" t="s"><v>4</v></c><c r="D3"><v>48</v></c><c r="E3" t="b"><v>1</v></c></row>'
        '</sheetData></worksheet>'})

write('no-sheet.xlsx', {'xl/workbook.xml': f'<workbook xmlns="{NS}"/>'})
