// Trunk post-build hook, in order: the wasm-bindgen glue minified (minify-glue.mjs), then the
// Content-Security-Policy and cache rules written from the final index.html (csp-headers.mjs).
await import('./minify-glue.mjs');
await import('./csp-headers.mjs');
