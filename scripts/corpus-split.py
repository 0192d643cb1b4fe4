#!/usr/bin/env python3
"""Move annotated batches from Tests/Corpus/incoming/ into the train and frozen test splits.

usage: corpus-split.py [--dry-run] [BATCH ...]   (default: every batch in incoming/)

The split of an article is fixed by its URL alone, before anyone reads it:
    test  when int(sha256("meetgraph frozen split v1\\n" + url)[:8], 16) / 2**32 < TEST_SHARE
    train otherwise.
Nothing about the text or its annotation enters the choice, so the test split is a random sample
that no rule writer picked. Files keep their names (BATCH-NN); Tests/Corpus/SOURCES.tsv gets one
row per article with its split. Only counts are printed, never text: rules are written on the train
split and ../shared/corpus/dev, and nobody reads Tests/Corpus/test.
"""
import hashlib, json, os, shutil, sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
CORPUS = os.path.join(ROOT, "Tests", "Corpus")
TEST_SHARE = 0.4
HEADER = ["id", "url", "level", "kind", "script", "split", "notes"]


def split_of(url):
    digest = hashlib.sha256(("meetgraph frozen split v1\n" + url.strip()).encode("utf-8")).hexdigest()
    return "test" if int(digest[:8], 16) / 2**32 < TEST_SHARE else "train"


def normalized(gold_path):
    """The gold file's JSON with the two mechanical fixes of the annotation format: a name padded
    with a space on the page (王  伟) is written without it, and a non-participant whose category
    was put in `reason` gets it in `role`, as in ../shared/corpus/dev."""
    gold = json.load(open(gold_path, encoding="utf-8"))
    for event in gold.get("events", []):
        for person in event.get("participants", []):
            person["name"] = "".join(person["name"].split())
    for person in gold.get("non_participants", []):
        person["name"] = "".join(person["name"].split())
        if "role" not in person and person.get("reason") in ("reporter", "photographer", "editor", "mentioned"):
            person["role"] = person["reason"]
    return gold


def read_tsv(path):
    rows = [line.rstrip("\n").split("\t") for line in open(path, encoding="utf-8") if line.strip()]
    return rows[0], rows[1:]


def main(dry_run, batches):
    sources = os.path.join(CORPUS, "SOURCES.tsv")
    table = read_tsv(sources)[1] if os.path.exists(sources) else []
    known = {row[0] for row in table}
    incoming = os.path.join(CORPUS, "incoming")
    moved = {"train": 0, "test": 0}
    for batch in sorted(os.listdir(incoming)) if os.path.isdir(incoming) else []:
        if batches and batch not in batches:
            continue
        folder = os.path.join(incoming, batch)
        path = os.path.join(folder, "SOURCES.tsv")
        if not os.path.exists(path):
            continue
        header, rows = read_tsv(path)
        kept = []
        for row in rows:
            doc = row[0]
            text, gold = os.path.join(folder, doc + ".txt"), os.path.join(folder, doc + ".gold.json")
            if doc in known or not (os.path.exists(text) and os.path.exists(gold)):
                kept.append(row)
                continue
            split = split_of(row[1])
            moved[split] += 1
            notes = row[5] if len(row) > 5 else ""
            table.append([doc, row[1], row[2], row[3], row[4], split, notes])
            if not dry_run:
                os.makedirs(os.path.join(CORPUS, split), exist_ok=True)
                shutil.move(text, os.path.join(CORPUS, split, doc + ".txt"))
                with open(os.path.join(CORPUS, split, doc + ".gold.json"), "w", encoding="utf-8") as out:
                    json.dump(normalized(gold), out, ensure_ascii=False, indent=1)
                    out.write("\n")
                os.remove(gold)
        if not dry_run:
            with open(path, "w", encoding="utf-8") as out:
                for row in [header] + kept:
                    out.write("\t".join(row) + "\n")
            notes = os.path.join(folder, "NOTES.md")
            if os.path.exists(notes):
                os.makedirs(os.path.join(CORPUS, "notes"), exist_ok=True)
                shutil.copy(notes, os.path.join(CORPUS, "notes", f"batch-{batch}.md"))
    if not dry_run:
        table.sort(key=lambda row: row[0])
        with open(sources, "w", encoding="utf-8") as out:
            out.write("\t".join(HEADER) + "\n")
            for row in table:
                out.write("\t".join(row) + "\n")
    total = {s: sum(1 for row in table if row[5] == s) for s in ("train", "test")}
    print(f"moved {moved['train']} to train, {moved['test']} to test; now train {total['train']}, test {total['test']}")


if __name__ == "__main__":
    main("--dry-run" in sys.argv, [a for a in sys.argv[1:] if not a.startswith("--")])
