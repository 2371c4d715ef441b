"""Imports an `awsml-tui export --format anki` file into a fresh Anki
collection with the `anki` package from PyPI, and checks what Anki made of it.

    python anki_import.py EXPORT.tsv EXPECTED_NOTES
Prints `anki import: N passed, N failed` and exits non-zero on a failure."""
import os
import sys
import tempfile

from anki.collection import Collection, ImportCsvRequest

path, expected = sys.argv[1], int(sys.argv[2])
passed = failed = 0


def check(name, condition, detail=""):
    global passed, failed
    if condition:
        passed += 1
        print(f"ok   - {name}")
    else:
        failed += 1
        print(f"FAIL - {name} {detail}")


with tempfile.TemporaryDirectory() as folder:
    col = Collection(os.path.join(folder, "collection.anki2"))
    metadata = col.get_csv_metadata(path, None)
    check("the header is read: tab separator, HTML, 4 columns, tags in column 3, guid in column 4",
          metadata.is_html and list(metadata.column_labels) == ["Front", "Back", "Tags", "GUID"]
          and metadata.tags_column == 3 and metadata.guid_column == 4,
          str(metadata))
    col.import_csv(ImportCsvRequest(path=path, metadata=metadata))
    check(f"Anki imported {expected} notes", col.note_count() == expected, f"(got {col.note_count()})")
    decks = [d.name for d in col.decks.all_names_and_ids()]
    check("into the deck named in the header", "AWS Machine Learning Specialty Bite Size Recap 2/3" in decks, str(decks))
    ids = col.find_notes('"back:*inference costs by up to 75%*"')
    check("the 75% fact is one note", len(ids) == 1, str(ids))
    if ids:
        note = col.get_note(ids[0])
        check("its front is the cue with the key term hidden",
              "[...]" in note["Front"] and "75%" not in note["Front"] and "Amazon Elastic Inference" in note["Front"],
              note["Front"])
        check("its back is the whole fact", note["Back"] == "Reduces deep learning inference costs by up to 75%.",
              note["Back"])
        check("its tags are the topic path", "Amazon_Elastic_Inference" in note.tags, str(note.tags))
    quoted = col.find_notes("niht")
    check("a fact with quotes keeps them (as HTML, the file being HTML)",
          len(quoted) == 1 and '&quot;niht&quot; to &quot;night&quot;' in col.get_note(quoted[0])["Back"], str(quoted))
    col.close()

print(f"anki import: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
