/** A node:test reporter that ends the run with the line CI reads: `e2e: N passed, N failed`. */
interface TestEvent {
  type: string;
  data: { details?: { type?: string }; nesting?: number };
}

async function* summary(source: AsyncIterable<TestEvent>): AsyncGenerator<string> {
  let passed = 0;
  let failed = 0;
  for await (const event of source) {
    if (event.data.details?.type === 'suite') continue;
    if (event.type === 'test:pass') passed++;
    else if (event.type === 'test:fail') failed++;
  }
  yield `e2e: ${passed} passed, ${failed} failed\n`;
}

export = summary;
