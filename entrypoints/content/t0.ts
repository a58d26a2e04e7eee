// Imported first by the content script: marks when the bundle starts evaluating (`npm run bench`, tests/bench/page.ts).
performance.mark('vetter:load');
