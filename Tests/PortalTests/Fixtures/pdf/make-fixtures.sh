#!/usr/bin/env bash
# Makes the PDFs PDFFactsTests reads, from the HTML files beside this script. Needs
# WeasyPrint 70 (pip install weasyprint==70.0) and pypdf 7 (pip install pypdf) in a virtual
# environment: VENV=path/to/venv ./make-fixtures.sh (default: the project's .venv).
# WeasyPrint writes the date into each PDF, so a run changes every file's bytes.
set -euo pipefail
cd "$(dirname "$0")"
VENV=${VENV:-../../../../.venv}
WEASYPRINT="$VENV/bin/weasyprint"
PYTHON="$VENV/bin/python"

# Tagged (PDF/UA-1: structure tree, /MarkInfo, /Lang, the title), 2 pages.
"$WEASYPRINT" --pdf-variant pdf/ua-1 tagged.html tagged.pdf
# No variant: untagged, and without <title> or lang no /Title and no /Lang.
"$WEASYPRINT" untagged.html untagged.pdf
# A title outside ASCII, which WeasyPrint writes as a UTF-16 text string.
"$WEASYPRINT" --pdf-variant pdf/ua-1 welsh-title.html welsh-title.pdf

# The tagged file cut in half: its object stream and cross-reference stream are lost, and
# qpdf cannot repair it.
size=$(stat -c %s tagged.pdf)
head -c $((size / 2)) tagged.pdf > truncated.pdf

# Text with a .pdf name.
printf 'Training dates for the spring term\n' > not-a-pdf.pdf

# The untagged file encrypted (RC4, 128 bits): once with a password needed to open it,
# once with only an owner password (it opens without one).
"$PYTHON" - <<'PY'
import pypdf
source = pypdf.PdfReader("untagged.pdf")
for name, user in [("password.pdf", "open-sesame"), ("owner-password.pdf", "")]:
    writer = pypdf.PdfWriter(clone_from=source)
    writer.add_metadata({"/Title": "Locked leaflet"})
    writer.encrypt(user_password=user, owner_password="owner-secret", algorithm="RC4-128")
    writer.write(name)
PY
