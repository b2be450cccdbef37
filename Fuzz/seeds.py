#!/usr/bin/env python3
"""Writes the seed corpus in Fuzz/corpus/ (fake data only): `python3 Fuzz/seeds.py`.
Document and transcript seeds start with one byte that picks the file name the target
reads them under (see the names list in each target). Inputs that once crashed a target
are kept beside these as crash-*/regression-* files and are not rewritten here."""
import gzip, io, os, tarfile, zipfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus")

def write(target, name, data):
    os.makedirs(os.path.join(ROOT, target), exist_ok=True)
    with open(os.path.join(ROOT, target, name), "wb") as f:
        f.write(data.encode() if isinstance(data, str) else data)

def zipped(members):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in members:
            z.writestr(zipfile.ZipInfo(name, (2024, 1, 2, 3, 4, 6)), text)
    return out.getvalue()

# Fake people and values in real formats (reserved or test ranges, made-up names).
EMAIL, PHONE, NI, POSTCODE = "sam.patel@gmail.com", "07700 900123", "AB123456C", "SW1A 1AA"

# The diff parser: `git log -p` output with hedgerow's commit marker.
marker = "\x01hedgerow-commit 0123456789abcdef0123456789abcdef01234567\x1fTest Author <author@example.invalid>\x1f2024-01-02T03:04:05+00:00\n\n"
write("fuzz-diff", "two-files.diff", marker + f"""diff --git a/config.env b/config.env
new file mode 100644
index 0000000..1111111
--- /dev/null
+++ b/config.env
@@ -0,0 +1,2 @@
+contact {EMAIL}
+region=eu-west-2
diff --git a/b.txt b/b.txt
index 1111111..2222222 100644
--- a/b.txt
+++ b/b.txt
@@ -3 +3,2 @@ header
-old
+new line
+another
Binary files a/x.png and b/x.png differ
""")
write("fuzz-diff", "rename-and-quoted.diff", marker + """diff --git "a/caf\\303\\251 notes.txt" "b/caf\\303\\251 notes.txt"
similarity index 90%
rename from "caf\\303\\251 notes.txt"
rename to "caf\\303\\251 notes.txt"
--- "a/caf\\303\\251 notes.txt"
+++ "b/caf\\303\\251 notes.txt"
@@ -1,2 +1,3 @@
 kept
+phone 07700 900123
\\ No newline at end of file
diff --git a/report.docx b/report.docx
new file mode 100644
index 0000000..3333333
Binary files /dev/null and b/report.docx differ
""" + marker.replace("0123", "4567"))

# The transcript, e-mail and chat readers: first byte % 7 picks
# call.vtt, call.srt, call.txt, call.transcript, message.eml, slack.json, -.
write("fuzz-transcripts", "webvtt", "\x00WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\n<v Agent>Can I take your email?\n\n"
      f"00:00:04.500 --> 00:00:09.000\n<v Caller>It's sam dot patel at gmail dot com, and my number is 07700\n\n"
      "00:00:09.000 --> 00:00:12.000\n<v Caller>900123.\n")
write("fuzz-transcripts", "subrip", "\x01" + f"1\r\n00:00:01,000 --> 00:00:03,000\r\nCALLER: my NI number is AB 12\r\n\r\n2\r\n00:00:03,500 --> 00:00:06,000\r\n- 34 56 C\r\n- Thanks.\r\n")
write("fuzz-transcripts", "plain", "\x02[00:00:01] Agent: What's your postcode?\n[00:00:05] Caller: S W one A, one A A.\n"
      f"[00:00:09] Agent: And your email?\n[00:00:12] Caller: {EMAIL}\n")
write("fuzz-transcripts", "otter", "\x03Agent  0:02\nWhat is the date of birth?\n\nCaller  0:05\nTwenty eighth of November nineteen forty four.\n")
write("fuzz-transcripts", "email", "\x04From: a@example.invalid\nContent-Transfer-Encoding: quoted-printable\n\n"
      "Call me on 07700 =\n900123 or write to sam.patel=40gmail.com=\n=0A=3D\n")
write("fuzz-transcripts", "slack", '\x05[{"type": "message", "user": "U1", "ts": "1704164645.000100", "text": "email me at ' + EMAIL
      + '"}, {"type": "message", "ts": "1704164646.000200", "text": "NI \\u0041B123456C \\n ok"}]')

# The document readers: first byte % 11 picks report.docx, sheet.xlsx, slides.pptx,
# letter.odt, table.ods, bundle.zip, bundle.tar, notes.gz, bundle.tar.gz, bundle.7z, locked.docx.
CT = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
write("fuzz-documents", "docx", b"\x00" + zipped([("[Content_Types].xml", CT), ("word/document.xml",
      f'<?xml version="1.0"?><w:document {W}><w:body><w:p><w:r><w:t>Email </w:t></w:r><w:r><w:t>{EMAIL}</w:t></w:r></w:p>'
      f'<w:p><w:r><w:t xml:space="preserve">NI {NI}</w:t></w:r></w:p></w:body></w:document>'),
      ("word/comments.xml", f'<w:comments {W}><w:comment w:author="Sam Patel"><w:p><w:r><w:t>{PHONE}</w:t></w:r></w:p></w:comment></w:comments>')]))
S = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
write("fuzz-documents", "xlsx", b"\x01" + zipped([("[Content_Types].xml", CT),
      ("xl/sharedStrings.xml", f'<sst {S}><si><t>name</t></si><si><t>email</t></si><si><t>{EMAIL}</t></si></sst>'),
      ("xl/workbook.xml", f'<workbook {S}><sheets><sheet name="People" sheetId="1"/></sheets></workbook>'),
      ("xl/worksheets/sheet1.xml", f'<worksheet {S}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
       f'<row r="2"><c r="A2" t="inlineStr"><is><t>Sam Patel</t></is></c><c r="B2" t="s"><v>2</v></c><c r="C2"><v>7700900123</v></c></row></sheetData></worksheet>')]))
write("fuzz-documents", "pptx", b"\x02" + zipped([("[Content_Types].xml", CT), ("ppt/slides/slide1.xml",
      '<p:sld xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
      f'<p:cSld><p:spTree><p:sp><p:txBody><a:p><a:r><a:t>Contact {EMAIL}</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:sld>')]))
write("fuzz-documents", "odt", b"\x03" + zipped([("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml",
      '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
      f'<office:body><office:text><text:p>Postcode {POSTCODE}<text:s/>phone {PHONE}</text:p></office:text></office:body></office:document-content>')]))
write("fuzz-documents", "ods", b"\x04" + zipped([("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("content.xml",
      '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
      f'<office:body><office:spreadsheet><table:table table:name="People"><table:table-row><table:table-cell><text:p>email</text:p></table:table-cell></table:table-row>'
      f'<table:table-row><table:table-cell table:number-columns-repeated="2"><text:p>{EMAIL}</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>')]))
write("fuzz-documents", "zip", b"\x05" + zipped([("notes/contacts.txt", f"email {EMAIL}\nphone {PHONE}\n"), ("inner.zip", zipped([("deep.txt", f"NI {NI}\n")]))]))
def tarred(members, mode="w"):
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode=mode, format=tarfile.USTAR_FORMAT) as t:
        for name, text in members:
            info = tarfile.TarInfo(name); info.size = len(text.encode()); info.mtime = 1704164645
            t.addfile(info, io.BytesIO(text.encode()))
    return out.getvalue()
write("fuzz-documents", "tar", b"\x06" + tarred([("a/contacts.csv", f"name,email\nSam Patel,{EMAIL}\n")]))
write("fuzz-documents", "gz", b"\x07" + gzip.compress(f"postcode {POSTCODE}\n".encode(), mtime=0))
write("fuzz-documents", "tar-gz", b"\x08" + gzip.compress(tarred([("b.txt", f"phone {PHONE}\n")]), mtime=0))

# The configuration loader and baseline reader.
write("fuzz-config", "config.yml", """version: 1
exclude:
  - /Fixtures/
  - "*.lock"
rules:
  disable: [pd.email]
categories:
  disable: []
allow:
  - fingerprint: hr1:abcdef
    rule: pd.email
    reason: "test data"
min_confidence: medium
documents:
  enabled: true
""")
write("fuzz-config", "baseline.tsv", "# hedgerow baseline v1: fingerprint, rule, path (keyed fingerprints; no values, no line numbers)\n"
      "# fingerprint key: k1:0011223344556677\nhr1:abcdef\tpd.email\tdocs/a.txt\nhr1:012345\tpd.phone.uk\tsrc/\\tq.txt\n")
write("fuzz-config", "flow.yml", "{version: 1, exclude: [a, 'b', \"c\"], allow: [{fingerprint: 'hr1:00', reason: x}]}\n")

# The rule loader.
write("fuzz-rules", "rule.yml", """rules:
  - id: test.random
    name: Random rule
    description: made for the fuzz corpus
    category: password
    class: secret
    pattern: 'ref[ :](?<value>\\d{6})'
    keywords: ['ref']
    examples: ['ref 123456']
    negative_examples: ['ref abc']
""")
write("fuzz-rules", "validated.yml", """rules:
  - id: test.staff
    name: Staff number
    description: a custom category with a validator
    category: staff-id
    class: personal
    confidence: medium
    pattern: '\\b(?<value>ST-\\d{4}-[A-Z]{2})\\b'
    keywords: ['st-']
    case_insensitive: true
    examples: ['staff ST-1234-AB']
    negative_examples: ['ST-12-AB']
""")

# The scanner over the built-in rules.
for name in ["payments.csv", "support-call.vtt", "service-key.pem"]:
    with open(os.path.join(os.path.dirname(ROOT), "..", "Fixtures", "example", name), "rb") as f:
        write("fuzz-scanner", name, f.read())
write("fuzz-scanner", "mixed.txt", f"name: Sam Patel\nemail: {EMAIL}\nphone: {PHONE}\nNI: {NI}\nserver 192.0.2.10 postcode {POSTCODE}\n"
      "card 4111 1111 1111 1111 encoded c2FtLnBhdGVsQGdtYWlsLmNvbQ== url sam%40gmail.com\n")
