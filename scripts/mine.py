#!/usr/bin/env python3
"""Mine unlabeled texts for what looks wrong in MeetGraph's extraction, without gold.

usage: mine.py [--meetgraph BIN] [--examples N] [--out REPORT.md] FOLDER [FOLDER ...]

Runs `meetgraph extract --format jsonl` over every *.txt below the folders and reports, with counts
and example sentences:
  silent     sentences with a role verb (主持, 出席, 参加, 讲话 …) and a person name by jieba's
             tagger, but no participant taken from them;
  boundary   participant names whose start or end is not a word boundary in jieba's segmentation
             (王勇安排 read as 王勇安: the tagger cuts 王勇/安排);
  unnamed    events whose name is only a keyword (会议, 座谈会, 会见 …);
  empty      events with no participant;
  unplaced   names the tagger finds that are in no event and not recorded as non-participants.
Never run it on Tests/Corpus/test: the frozen split is not read while writing rules.
Needs python3-jieba (Debian), whose dictionary and tagger stand in for a general segmenter.
"""
import collections, glob, json, os, re, subprocess, sys

ROLE_VERBS = ["主持", "出席", "参加", "列席", "讲话", "发言", "致辞", "陪同", "会见", "调研", "视察", "慰问",
              "主持召开", "出席會議", "參加", "講話", "發言", "致詞", "會見", "視察", "陪同"]
BARE_NAMES = {"会议", "座谈会", "会见", "会谈", "调研", "视察", "考察", "慰问", "检查", "走访", "常委会",
              "会議", "會議", "座談會", "會見", "大会", "仪式", "活动"}
SENTENCE_END = re.compile(r"[。！？；!?;\n]")


def sentences(text):
    """(start, end) scalar ranges of the text's sentences."""
    start = 0
    for match in SENTENCE_END.finditer(text):
        if match.end() - start > 1:
            yield start, match.end()
        start = match.end()
    if start < len(text):
        yield start, len(text)


def extract(binary, folders):
    cmd = [binary, "extract", "--format", "jsonl", *folders]
    run = subprocess.run(cmd, capture_output=True, text=True)
    if run.returncode not in (0, 1):
        sys.exit(f"mine: {' '.join(cmd)} failed (exit {run.returncode}): {run.stderr.strip()[-500:]}")
    return [json.loads(line) for line in run.stdout.splitlines() if line.strip()]


def main(argv):
    import jieba
    import jieba.posseg as posseg
    jieba.setLogLevel(60)
    binary, examples, out, folders = ".build/debug/meetgraph", 5, None, []
    args = iter(argv)
    for arg in args:
        if arg == "--meetgraph":
            binary = next(args)
        elif arg == "--examples":
            examples = int(next(args))
        elif arg == "--out":
            out = next(args)
        else:
            folders.append(arg)
    if not folders:
        sys.exit(__doc__)
    if any(os.path.normpath(f).endswith(os.path.join("Corpus", "test")) for f in folders):
        sys.exit("mine: Tests/Corpus/test is the frozen split; mine the train split and unlabeled texts")
    paths = {}
    for folder in folders:
        for path in glob.glob(os.path.join(folder, "**", "*.txt"), recursive=True):
            paths.setdefault(os.path.basename(path), path)
    print(f"mine: extracting {len(paths)} texts", file=sys.stderr)
    documents = extract(binary, folders)
    found = collections.defaultdict(list)
    counts = collections.Counter()
    verbs_silent = collections.Counter()
    for index, doc in enumerate(documents):
        if index % 200 == 0:
            print(f"mine: {index}/{len(documents)} documents", file=sys.stderr)
        path = paths.get(os.path.basename(doc["document"]))
        if not path:
            continue
        text = open(path, encoding="utf-8", errors="replace").read().lstrip("\ufeff")
        counts["documents"] += 1
        counts["events"] += len(doc["events"])
        covered, names = set(), set()
        for event in doc["events"]:
            if event["name"] in BARE_NAMES:
                found["unnamed"].append(f"{doc['document']}: {event['kind']} {event['name']}")
            if not event["participants"]:
                found["empty"].append(f"{doc['document']}: {event['kind']} {event['name']}")
            for person in event["participants"]:
                names.add(person["name"])
                counts["participations"] += 1
                for evidence in person.get("evidence", []):
                    covered.add(evidence["start"])
                    start, end = evidence.get("mention_start"), evidence.get("mention_end")
                    if start is None:
                        continue
                    left, right = max(0, start - 12), min(len(text), end + 12)
                    window = text[left:right]
                    cuts, position = set(), left
                    for word in jieba.cut(window):
                        cuts.add(position)
                        position += len(word)
                    cuts.add(position)
                    if start not in cuts or end not in cuts:
                        found["boundary"].append(
                            f"{doc['document']}: {person['name']} in …{'/'.join(jieba.cut(window))}…")
        names |= {n["name"] for n in doc.get("non_participants", [])}
        for start, end in sentences(text):
            sentence = text[start:end].strip()
            tagged = [(w.word, w.flag) for w in posseg.cut(sentence)]
            people = {w for w, flag in tagged if flag == "nr" and 2 <= len(w) <= 4}
            verbs = [v for v in ROLE_VERBS if v in sentence]
            if verbs and people and not any(start <= c < end for c in covered) and not (people & names):
                found["silent"].append(f"{doc['document']}: {sentence[:160]}")
                verbs_silent.update(verbs)
            for person in people - names:
                if not any(person in n or n in person for n in names):
                    found["unplaced"].append(f"{doc['document']}: {person} in {sentence[:80]}")
    lines = [f"# Mining report: {counts['documents']} texts, {counts['events']} events, "
             f"{counts['participations']} participations", ""]
    for kind, title in [("silent", "Role-verb sentences with a name but no participant"),
                        ("boundary", "Participant names that cut across jieba's words"),
                        ("unnamed", "Events named only by a keyword"),
                        ("empty", "Events with no participant"),
                        ("unplaced", "Names the tagger finds in no event")]:
        rows = found[kind]
        lines.append(f"## {title}: {len(rows)}")
        if kind == "silent" and verbs_silent:
            lines.append("verbs: " + ", ".join(f"{v} {n}" for v, n in verbs_silent.most_common(12)))
        lines += [f"- {row}" for row in rows[:examples]]
        lines.append("")
    report = "\n".join(lines)
    if out:
        with open(out, "w", encoding="utf-8") as handle:
            handle.write(report)
        print(f"mine: wrote {out}", file=sys.stderr)
    else:
        print(report)
    summary = {k: len(v) for k, v in found.items()}
    print(f"mine: {counts['documents']} texts; " + ", ".join(f"{k} {summary.get(k, 0)}" for k in
          ["silent", "boundary", "unnamed", "empty", "unplaced"]), file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
