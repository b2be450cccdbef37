"""Draws the judged sample: every finding hedgerow reports (JSON, default confidence)
under the standard library, site-packages left out, sorted, 60 drawn with seed 18."""
import json, random, sys
d = json.load(open(sys.argv[1]))
fs = [f for f in d['findings'] if '/site-packages/' not in f['path']]
fs.sort(key=lambda f: (f['path'], f['line'], f['column'], f['rule']))
random.seed(18)
for i, f in enumerate(random.sample(fs, 60), 1):
    line = open(f['path'], errors='replace').read().split('\n')[f['line'] - 1]
    seg = line[max(0, f['column'] - 40):f['end_column'] + 40] if f['line'] == f['end_line'] else line[:120]
    print('\t'.join([str(i), f['rule'], f.get('context') or '-', f['confidence'],
                     f"{f['path'].split('python3.11/')[1]}:{f['line']}", f['masked'], seg.strip()[:150]]))
