#!/bin/sh
# The film sample as other programs save it, for tests/workbook/other-producers.test.ts.
# Run by hand when the sample changes (needs LibreOffice and python3-openpyxl); the files are committed.
set -eu
cd "$(dirname "$0")/.."
out=tests/fixtures/producers
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp examples/film-shoot.xlsx "$tmp/film.xlsx"
soffice --headless --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir "$tmp/lo" "$tmp/film.xlsx" >/dev/null
cp "$tmp/lo/film.xlsx" "$out/film-libreoffice.xlsx"
soffice --headless --convert-to ods --outdir "$tmp/ods" "$tmp/film.xlsx" >/dev/null
cp "$tmp/ods/film.ods" "$out/film-saved-as-ods.xlsx"
/usr/bin/python3 -c "import openpyxl, sys; wb = openpyxl.load_workbook(sys.argv[1]); wb.save(sys.argv[2])" \
  "$tmp/film.xlsx" "$out/film-openpyxl.xlsx"
ls -l "$out"
