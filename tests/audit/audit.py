#!/usr/bin/env python3
"""audit.py - the reading audit of issue 16: every event sitrep codes on the 181 pages of
../shared/peers/article-extraction-benchmark, and a sample drawn with a fixed seed from the
events of roots 18-20 it codes on the PolNeAR news texts, listed one event per line so that a
reader can classify each (right / questionable / wrong) and re-read the list after later changes.

    tests/audit/audit.py draw  [--sitrep build/sitrep]  > rows.tsv   the events of today, unread
    tests/audit/audit.py show  FILE.tsv [--sitrep ...]                each row with its sentence
    tests/audit/audit.py check FILE.tsv [--sitrep ...]                verdict counts; rows whose
                                                                      event is gone; events unread

Rows carry no text of the articles: a page is named by its file name's first 16 hex digits, a
PolNeAR text by its split and the first 16 hex digits of the SHA-1 of its file name; an event by
its id, the byte span of its evidence in the article body, and its code. `show` prints the
sentences from the data in ../shared/peers, which stay outside the repository.
"""
import argparse
import gzip
import hashlib
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
PEERS = os.environ.get("PEERS", os.path.normpath(os.path.join(ROOT, "..", "shared", "peers")))
PAGES = os.path.join(PEERS, "article-extraction-benchmark", "html")
POLNEAR = os.path.join(PEERS, "PolNeAR", "data")
SEED = 20261207  # the PolNeAR sample: the SAMPLE events with the smallest draw_key
SAMPLE = 100
VIOLENT = ("18", "19", "20")
COLUMNS = ["corpus", "article", "event", "start", "end", "code", "source", "target",
           "modality", "verdict", "reason"]


def page_files():
    if not os.path.isdir(PAGES):
        sys.exit(f"audit: {PAGES} is absent (the pages of article-extraction-benchmark)")
    return sorted(f for f in os.listdir(PAGES) if f.endswith(".html.gz"))


def polnear_files():
    if not os.path.isdir(POLNEAR):
        sys.exit(f"audit: {POLNEAR} is absent (PolNeAR)")
    out = []
    for split in sorted(os.listdir(POLNEAR)):
        text = os.path.join(POLNEAR, split, "text")
        if os.path.isdir(text):
            out += [(split, os.path.join(text, f)) for f in sorted(os.listdir(text))
                    if f.endswith(".txt")]
    return out


def polnear_id(split, path):
    return split + "/" + hashlib.sha1(os.path.basename(path).encode()).hexdigest()[:16]


def code_files(sitrep, paths, extra=()):
    """Runs `sitrep code` on the files; returns the articles, in the order of the paths."""
    out = subprocess.run([sitrep, "code", "--jobs", "2", *extra, *paths], check=True,
                         capture_output=True, text=True).stdout
    articles = [json.loads(line) for line in out.splitlines() if line.strip()]
    if len(articles) != len(paths):
        sys.exit(f"audit: {len(paths)} files gave {len(articles)} articles")
    return articles


def coded(sitrep):
    """(corpus, article id, article JSON) for every page and PolNeAR text, as sitrep codes them."""
    result = []
    with tempfile.TemporaryDirectory() as tmp:
        names = page_files()
        paths = []
        for name in names:
            path = os.path.join(tmp, name[:-3])
            with gzip.open(os.path.join(PAGES, name)) as src, open(path, "wb") as dst:
                dst.write(src.read())
            paths.append(path)
        for name, article in zip(names, code_files(sitrep, paths)):
            result.append(("pages", name[:16], article))
    texts = polnear_files()
    for (split, path), article in zip(texts, code_files(sitrep, [p for _, p in texts])):
        result.append(("polnear", polnear_id(split, path), article))
    return result


def row_of(corpus, article_id, event):
    source = (event.get("source") or {}).get("code") or "-"
    target = (event.get("target") or {}).get("code") or "-"
    ev = event["evidence"]
    return {"corpus": corpus, "article": article_id, "event": event["id"],
            "start": str(ev["start"]), "end": str(ev["end"]), "code": event["cameo"],
            "source": source, "target": target, "modality": event["modality"],
            "verdict": "", "reason": ""}


def current_rows(sitrep):
    """The rows of today: every page event, and the PolNeAR sample of roots 18-20."""
    pages, violent = [], []
    for corpus, article_id, article in coded(sitrep):
        for event in article["events"]:
            row = row_of(corpus, article_id, event)
            if corpus == "pages":
                pages.append(row)
            elif event["root"] in VIOLENT:
                violent.append(row)
    key = lambda r: (r["article"], int(r["start"]), int(r["end"]), r["code"], r["event"])
    violent.sort(key=key)
    if len(violent) > SAMPLE:
        violent = sorted(sorted(violent, key=draw_key)[:SAMPLE], key=key)
    return pages + violent


def draw_key(row):
    """The sample's order: a hash of the seed and the event's place (article, span, code), so
    that a change which adds or drops some events leaves the rest of the sample as it was."""
    text = f"{SEED}:{row['article']}:{row['start']}:{row['end']}:{row['code']}"
    return hashlib.sha1(text.encode()).hexdigest()


def read_rows(path):
    with open(path, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]
    header = lines[0].split("\t")
    if header != COLUMNS:
        sys.exit(f"audit: {path}:1: expected the columns {' '.join(COLUMNS)}")
    rows = []
    for n, line in enumerate(lines[1:], 2):
        fields = line.split("\t")
        if len(fields) != len(COLUMNS):
            sys.exit(f"audit: {path}:{n}: {len(fields)} fields, expected {len(COLUMNS)}")
        rows.append(dict(zip(COLUMNS, fields)))
    return rows


def identity(row):
    return (row["corpus"], row["article"], row["start"], row["end"], row["code"],
            row["source"], row["target"])


def draw(args):
    print("\t".join(COLUMNS))
    for row in current_rows(args.sitrep):
        print("\t".join(row[c] for c in COLUMNS))


def show(args):
    rows = read_rows(args.file)
    articles = {(corpus, aid): article for corpus, aid, article in coded(args.sitrep)}
    for row in rows:
        article = articles.get((row["corpus"], row["article"]))
        text = "(article not found)"
        if article:
            start = int(row["start"])
            for s in article["sentences"]:
                if s["start"] <= start < s["end"]:
                    text = s["text"]
        print(f"{row['corpus']} {row['article']} {row['event']} {row['code']} {row['source']} -> "
              f"{row['target']} {row['modality']} [{row['verdict'] or 'unread'}] {row['reason']}")
        print("    " + text)


def check(args):
    rows = read_rows(args.file)
    now = current_rows(args.sitrep)
    listed = {identity(r) for r in rows}
    present = {identity(r) for r in now}
    status = 0
    for corpus in ("pages", "polnear"):
        part = [r for r in rows if r["corpus"] == corpus]
        counts = {v: sum(1 for r in part if r["verdict"] == v)
                  for v in ("right", "questionable", "wrong", "")}
        n = len(part)
        wrong = 100.0 * counts["wrong"] / n if n else 0.0
        print(f"audit {corpus}: {n} events read: {counts['right']} right, "
              f"{counts['questionable']} questionable, {counts['wrong']} wrong ({wrong:.1f}%)"
              + (f", {counts['']} unread" if counts[""] else ""))
        gone = [r for r in part if identity(r) not in present]
        new = [r for r in now if r["corpus"] == corpus and identity(r) not in listed]
        if gone or new:
            status = 1
            print(f"audit {corpus}: {len(gone)} listed events are no longer coded, "
                  f"{len(new)} coded events are not in the list (read them: `draw`, `show`)")
    sys.exit(status)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["draw", "show", "check"])
    parser.add_argument("file", nargs="?")
    parser.add_argument("--sitrep", default=os.path.join(ROOT, "build", "sitrep"))
    args = parser.parse_args()
    if args.command in ("show", "check") and not args.file:
        parser.error(f"{args.command} needs the audit file")
    {"draw": draw, "show": show, "check": check}[args.command](args)


if __name__ == "__main__":
    main()
