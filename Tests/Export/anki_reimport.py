"""Imports two `awsml-tui export --format anki` files into one fresh Anki
collection with the `anki` package, the second made after a fact was
reworded: Anki must update the note (same guid: the fact's first id), not add
another.

    python anki_reimport.py FIRST.tsv SECOND.tsv NOTES OLD_TEXT NEW_TEXT
Prints `anki re-import: N passed, N failed` and exits non-zero on a failure."""
import os
import sys
import tempfile

from anki.collection import Collection, ImportCsvRequest

first, second, expected, old_text, new_text = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
passed = failed = 0


def check(name, condition, detail=""):
    global passed, failed
    if condition:
        passed += 1
        print(f"ok   - {name}")
    else:
        failed += 1
        print(f"FAIL - {name} {detail}")


def import_file(col, path):
    metadata = col.get_csv_metadata(path, None)
    col.import_csv(ImportCsvRequest(path=path, metadata=metadata))


with tempfile.TemporaryDirectory() as folder:
    col = Collection(os.path.join(folder, "collection.anki2"))
    import_file(col, first)
    check(f"the first export makes {expected} notes", col.note_count() == expected, f"(got {col.note_count()})")
    before = col.find_notes(f'"back:*{old_text}*"')
    check("the fact's note has its old text", len(before) == 1, str(before))
    import_file(col, second)
    check(f"the second export, after the edit, leaves {expected} notes", col.note_count() == expected,
          f"(got {col.note_count()})")
    after = col.find_notes(f'"back:*{new_text}*"')
    check("the same note now has the new text", len(after) == 1 and after == before, f"{before} {after}")
    check("and no note keeps the old text", col.find_notes(f'"back:*{old_text}*"') == [])
    col.close()

print(f"anki re-import: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
