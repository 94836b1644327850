// Starts the studio's worker (worker/): its wasm-bindgen glue, then its module, which says
// "ready" once it listens. Trunk builds both beside this file.
importScripts('./relvar-worker.js');
wasm_bindgen({ module_or_path: './relvar-worker_bg.wasm' });
