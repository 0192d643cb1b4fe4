#!/usr/bin/env python3
"""Check annotated corpus folders against GUIDELINE.md's schema.

usage: corpus-check.py FOLDER [FOLDER ...]

Each FOLDER holds NAME.txt + NAME.gold.json pairs and a SOURCES.tsv (id url level kind script notes).
Prints one line per problem and a summary; exits 1 when there is any problem.
Every incoming batch and Tests/Corpus/{train,test} are checked for duplicate URLs together.
"""
import glob, json, os, sys, urllib.parse

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
CORPUS = os.path.join(ROOT, "Tests", "Corpus")
KINDS = {"meeting", "visit", "other"}
ROLES = {"chair", "speaker", "attendee"}
REASONS = {"reporter", "photographer", "editor", "mentioned"}
LEVELS = {"national", "provincial", "city", "county", "township", "enterprise", "institution",
          "foreign", "taiwan", "hongkong", "macau"}


def host(url):
    h = urllib.parse.urlparse(url).netloc.lower()
    for prefix in ("www.", "m.", "wap."):
        if h.startswith(prefix):
            h = h[len(prefix):]
    return h


def excluded_hosts():
    path = os.path.join(CORPUS, "excluded-hosts.txt")
    return {host("http://" + line.strip()) for line in open(path, encoding="utf-8") if line.strip()}


def read_sources(folder):
    path = os.path.join(folder, "SOURCES.tsv")
    if not os.path.exists(path):
        return None
    rows = [line.rstrip("\n").split("\t") for line in open(path, encoding="utf-8") if line.strip()]
    return rows


def all_source_rows():
    """(folder, row) for every SOURCES.tsv under Tests/Corpus."""
    out = []
    for path in glob.glob(os.path.join(CORPUS, "**", "SOURCES.tsv"), recursive=True):
        for row in read_sources(os.path.dirname(path))[1:]:
            out.append((os.path.dirname(path), row))
    return out


def occurs(name, text):
    """Whether `name` is written in `text`, also where the page padded a two-character name with
    a space (王  伟 is annotated 王伟, as in ../shared/corpus/dev) or put a title inside it."""
    if name in text or name in "".join(text.split()):
        return True
    # Taiwan minutes write a title inside the name (段委員宜康 is 段宜康): surname, title, given name.
    import re
    return len(name) >= 2 and re.search(re.escape(name[0]) + r"\w{1,4}?" + re.escape(name[1:]), text) is not None


def check_gold(path, text, problems):
    name = os.path.basename(path)
    try:
        g = json.load(open(path, encoding="utf-8"))
    except Exception as e:
        problems.append(f"{name}: not JSON ({e})")
        return None
    if g.get("document") != name.replace(".gold.json", ".txt"):
        problems.append(f"{name}: document is {g.get('document')!r}")
    if g.get("script") not in ("simplified", "traditional"):
        problems.append(f"{name}: script must be simplified or traditional")
    if not str(g.get("source", "")).startswith("http"):
        problems.append(f"{name}: source must be the URL")
    if not isinstance(g.get("events"), list):
        problems.append(f"{name}: events must be a list")
        return g
    for i, e in enumerate(g["events"]):
        where = f"{name} event {i + 1}"
        if e.get("kind") not in KINDS:
            problems.append(f"{where}: kind {e.get('kind')!r}")
        if not e.get("name"):
            problems.append(f"{where}: no name")
        date = e.get("date")
        if date is not None and not (len(date) in (5, 10) and date[-3] == "-"):
            problems.append(f"{where}: date {date!r} is not MM-DD or YYYY-MM-DD")
        seen = set()
        for p in e.get("participants", []):
            n = p.get("name", "")
            if n != "".join(n.split()):
                problems.append(f"{where}: {n!r} holds white space; write the name without it")
            if n in seen:
                problems.append(f"{where}: {n} twice")
            seen.add(n)
            if not occurs(n, text):
                problems.append(f"{where}: participant {n!r} is not in the text")
            roles = p.get("roles")
            if not roles or not set(roles) <= ROLES:
                problems.append(f"{where}: {n} roles {roles!r}")
            if not isinstance(p.get("titles", []), list):
                problems.append(f"{where}: {n} titles must be a list")
    for p in g.get("non_participants", []):
        n = p.get("name", "")
        if not occurs(n, text):
            problems.append(f"{name}: non-participant {n!r} is not in the text")
        # As in ../shared/corpus/dev: `role` is the category, `reason` the words that show it.
        if p.get("role") not in REASONS:
            problems.append(f"{name}: non-participant {n} role {p.get('role')!r} (one of {sorted(REASONS)})")
    return g


def main(folders):
    problems = []
    excluded = excluded_hosts()
    urls = {}
    for folder, row in all_source_rows():
        if len(row) > 1:
            urls.setdefault(row[1].strip(), []).append(f"{os.path.relpath(folder, CORPUS)}/{row[0]}")
    for url, ids in urls.items():
        if len(ids) > 1:
            problems.append(f"URL {url} is in {', '.join(ids)}")
    counts = {"documents": 0, "events": 0, "participants": 0}
    hosts, levels = {}, {}
    for folder in folders:
        rows = read_sources(folder)
        if rows is None and os.path.basename(os.path.normpath(folder)) in ("train", "test"):
            rows = read_sources(CORPUS)
        if rows is None:
            problems.append(f"{folder}: no SOURCES.tsv")
            rows = [["id", "url", "level", "kind", "script", "notes"]]
        if rows[0][:5] != ["id", "url", "level", "kind", "script"]:
            problems.append(f"{folder}/SOURCES.tsv: header must start id url level kind script")
        listed = {}
        for row in rows[1:]:
            if len(row) < 5:
                problems.append(f"{folder}/SOURCES.tsv: short row {row!r}")
                continue
            listed[row[0]] = row
            if row[2] not in LEVELS:
                problems.append(f"{row[0]}: level {row[2]!r}")
            h = host(row[1])
            if h in excluded:
                problems.append(f"{row[0]}: host {h} is a dev/seed host")
            hosts.setdefault(h, []).append(row[0])
            levels[row[2]] = levels.get(row[2], 0) + 1
        for txt in sorted(glob.glob(os.path.join(folder, "*.txt"))):
            doc = os.path.basename(txt)[:-4]
            text = open(txt, encoding="utf-8").read()
            if text.startswith("\ufeff"):
                problems.append(f"{doc}.txt: has a BOM")
            gold = txt[:-4] + ".gold.json"
            if not os.path.exists(gold):
                problems.append(f"{doc}.txt: no gold file")
                continue
            if doc not in listed:
                problems.append(f"{doc}: not in SOURCES.tsv")
            g = check_gold(gold, text, problems)
            if g and doc in listed and g.get("source") != listed[doc][1]:
                problems.append(f"{doc}: source differs from SOURCES.tsv")
            counts["documents"] += 1
            if g and isinstance(g.get("events"), list):
                counts["events"] += len(g["events"])
                counts["participants"] += sum(len(e.get("participants", [])) for e in g["events"])
        for doc in listed:
            if len(listed[doc]) > 5 and listed[doc][5] in ("train", "test") and listed[doc][5] != os.path.basename(os.path.normpath(folder)):
                continue
            if not os.path.exists(os.path.join(folder, doc + ".txt")):
                problems.append(f"{doc}: in SOURCES.tsv but no {doc}.txt")
    # At most 2 a host in one batch; across the whole corpus a large portal may carry a third.
    for h, ids in hosts.items():
        limit = 3 if any(os.path.basename(os.path.normpath(f)) in ("train", "test") for f in folders) else 2
        if len(ids) > limit:
            problems.append(f"host {h} has {len(ids)} articles ({', '.join(ids)}); at most {limit}")
    for p in problems:
        print(p)
    print(f"{counts['documents']} documents, {counts['events']} events, {counts['participants']} participations, "
          f"{len(hosts)} hosts; levels {dict(sorted(levels.items()))}; {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__)
        sys.exit(64)
    sys.exit(main(sys.argv[1:]))
