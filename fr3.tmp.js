const { makeDocuments } = require('/work/main/out/bench/documents.js');
const { validateText } = require('/work/main/out/src/core/validate.js');
const { parseYaml } = require('/work/main/out/src/core/parse/yaml.js');
const { parseText } = require('/work/main/out/src/core/parse/memo.js');
for (const [label, bytes] of [['150 KB',150000],['1 MB',1000000]]) {
const [doc] = makeDocuments(label, bytes, 'yaml', 7);
let t = doc.text;
validateText(t, 'x.bluejay-dh.yaml');
const at = t.indexOf('\n', t.indexOf('voice_speed:'));
const times=[];
for (let i=0;i<40;i++){ t = i%2===0 ? t.slice(0,at)+'x'+t.slice(at) : t.slice(0,at)+t.slice(at+1); const s=performance.now(); const r = validateText(t,'x.bluejay-dh.yaml'); times.push(performance.now()-s); if (r.problems.length !== (i%2===0?1:0)) throw new Error('problems '+r.problems.length); }
times.sort((a,b)=>a-b); console.log(label, 'validate keystroke median', times[20].toFixed(2), 'p90', times[36].toFixed(2));
require('assert').deepStrictEqual(parseText(t,'yaml').value, parseYaml(t).value);
}
