// The compromise.js side of bench/throughput.sh: reads every *.txt of a folder (name order), finds each
// article's sentences and the quotations in them with compromise, and writes one JSON line per article
// (id, sentence count, quotations with their sentence), all in one process like `newsstance score DIR`.
//
// usage: node quotes.js DIR > out.jsonl
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node quotes.js DIR');
  process.exit(2);
}
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
let quotes = 0;
for (const file of files) {
  const doc = nlp(readFileSync(join(dir, file), 'utf8'));
  const sentences = doc.sentences();
  const found = [];
  sentences.forEach((sentence) => {
    sentence.quotations().forEach((q) => found.push({ text: q.text(), sentence: sentence.text() }));
  });
  quotes += found.length;
  process.stdout.write(JSON.stringify({ id: file.replace(/\.txt$/, ''), sentences: sentences.length, quotes: found }) + '\n');
}
console.error(`compromise ${nlp.version}: ${files.length} articles, ${quotes} quotations`);
