#!/bin/sh
# language.sh - the `language` warning (src/text/language.c) on labelled pages: Readability's
# test pages (their metadata names the language), PolNeAR's texts (all English news: every
# warning is a false one) and article-extraction-benchmark's pages (unlabelled: each warned
# page is listed with the start of its ground-truth text so it can be checked by eye).
# Gets $SITREP and $PEERS from tools/accuracy.sh; prints SKIP when the data is absent.
sitrep=${SITREP:-build/sitrep}
peers=${PEERS:-../shared/peers}
python=${PYTHON:-/usr/bin/python3}
"$python" - "$sitrep" "$peers" <<'PY'
import glob, gzip, json, os, re, subprocess, sys

sitrep, peers = sys.argv[1], sys.argv[2]

def warned(output):
    """The language code each coded article was warned about (None: no warning)."""
    codes = []
    for line in output.splitlines():
        found = None
        for w in json.loads(line)['warnings']:
            if w['kind'] == 'language':
                m = re.search(r'\((\w+)\)', w['message'])
                found = m.group(1) if m else 'und'
        codes.append(found)
    return codes

def code(args, data=None):
    return subprocess.run([sitrep, 'code'] + args, input=data, capture_output=True,
                          check=False).stdout.decode()

pages = f'{peers}/readability/test/test-pages'
if os.path.isdir(pages):
    counts = {}
    for d in sorted(os.listdir(pages)):
        meta = json.load(open(f'{pages}/{d}/expected-metadata.json'))
        lang = (meta.get('lang') or '').split('-')[0].lower()
        if not lang:
            continue
        got = warned(code([f'{pages}/{d}/source.html']))[0]
        if lang == 'en':
            key = 'English, warned (' + got + ')' if got else 'English, not warned'
        else:
            key = 'other, warned with its language' if got == lang else \
                  f'other, warned as {got}' if got else 'other, NOT warned'
        counts[key] = counts.get(key, 0) + 1
        if got and got != lang:
            print(f'language: readability {d}: labelled {lang}, warned as {got}')
    for k, v in sorted(counts.items()):
        print(f'language: readability labelled pages: {k}: {v}')
else:
    print(f'SKIP language: {pages} is absent')

texts = sorted(glob.glob(f'{peers}/PolNeAR/data/*/text/*.txt'))
if texts:
    got = warned(code(['--jobs', '2'] + texts))
    false = [t for t, g in zip(texts, got) if g]
    print(f'language: PolNeAR (English news): {len(got)} texts, {len(false)} warned')
    for t in false:
        print(f'language:   {os.path.basename(t)}')
else:
    print('SKIP language: PolNeAR is absent')

bench = f'{peers}/article-extraction-benchmark'
if os.path.isfile(f'{bench}/ground-truth.json'):
    truth = json.load(open(f'{bench}/ground-truth.json'))
    files = sorted(glob.glob(f'{bench}/html/*.html.gz'))
    n = 0
    for f in files:
        got = warned(code(['--input', 'html', '-'], gzip.open(f).read()))[0]
        if got:
            n += 1
            key = os.path.basename(f).split('.')[0]
            body = (truth.get(key, {}).get('articleBody') or '')[:60].replace('\n', ' ')
            print(f'language:   {key[:8]} {got}: {body}')
    print(f'language: article-extraction-benchmark: {len(files)} pages, {n} warned (above)')
else:
    print(f'SKIP language: {bench} is absent')
PY
