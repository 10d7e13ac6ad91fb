// Evaluate XPath expressions with openrosa-xpath-evaluator (Enketo's engine) on jsdom.
// stdin: {"xml": "<data>...</data>", "expressions": ["...", ...]}
// stdout: one JSON array: per expression ["string", text] or ["error", message].
// Each expression is evaluated as string(EXPR) against the document element, so both engines
// are compared on the XPath string value (numbers as Infinity / NaN texts, not JSON nulls).
const { JSDOM } = require('jsdom');

const dom = new JSDOM('');
const w = dom.window;
for (const k of ['XPathEvaluator', 'Node', 'XPathResult', 'Element', 'Document', 'Attr']) {
    global[k] = w[k];
}
global.window = w;
global.document = w.document;
// The evaluator calls XPathExpression.evaluate(node) for a path after a predicate
// (`/root/item[1]/name`) without a result type, which browsers take as ANY_TYPE and jsdom
// refuses (NOT_SUPPORTED_ERR): give jsdom the browsers' defaults.
const expressionProto = Object.getPrototypeOf(w.document.createExpression('.', null));
const evaluateExpression = expressionProto.evaluate;
expressionProto.evaluate = function (node, type, result) {
    return evaluateExpression.call(this, node, type === undefined ? 0 : type, result === undefined ? null : result);
};
const orxe = require('openrosa-xpath-evaluator');

const evaluator = orxe();
let input = '';
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
    const { xml, expressions } = JSON.parse(input);
    const doc = new w.DOMParser().parseFromString(xml, 'text/xml');
    const out = expressions.map((expression) => {
        try {
            const r = evaluator.evaluate(expression, doc.documentElement, null, XPathResult.ANY_TYPE, null);
            if (r.resultType === XPathResult.NUMBER_TYPE) return ['number', String(r.numberValue)];
            if (r.resultType === XPathResult.BOOLEAN_TYPE) return ['boolean', String(r.booleanValue)];
            if (r.resultType === XPathResult.STRING_TYPE) return ['string', r.stringValue];
            const first = r.iterateNext();
            return ['string', first ? first.textContent : ''];
        } catch (err) {
            return ['error', String(err.message || err).split('\n')[0]];
        }
    });
    process.stdout.write(JSON.stringify(out));
});
