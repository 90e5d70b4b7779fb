// Compile the optional native Linux reader (src/main/collectors/linux/native-reader.c) into
// out/native/linux-reader.node with the system's C compiler (CC, else cc) and Node's own headers.
// Optional on purpose: without a compiler, headers or Linux it says so in one line and the app reads
// sockets through ss and a worker instead (slower at tens of thousands of sockets, same rows).
// Node-API only, so one build serves Node and Electron alike. Run by scripts/build.mjs; also alone.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const source = path.join(root, 'src/main/collectors/linux/native-reader.c');
const target = path.join(root, 'out/native/linux-reader.node');

function skip(why) {
  rmSync(target, { force: true }); // never leave a stale build that no longer matches the source
  console.warn(`portscope build: native reader not built (${why}); sockets are read through ss instead.`);
}

if (process.platform !== 'linux') {
  rmSync(target, { force: true });
} else {
  const headers = path.resolve(path.dirname(process.execPath), '..', 'include', 'node');
  if (!existsSync(path.join(headers, 'node_api.h'))) {
    skip(`no Node headers at ${headers}`);
  } else {
    mkdirSync(path.dirname(target), { recursive: true });
    const building = `${target}.building`;
    // CC may carry arguments (`ccache gcc`): its words, no shell
    const [compiler, ...compilerArgs] = (process.env.CC || 'cc').trim().split(/\s+/);
    const args = [...compilerArgs, '-O2', '-Wall', '-Wextra', '-shared', '-fPIC', '-pthread', '-I', headers, '-o', building, source];
    const run = spawnSync(compiler, args, { encoding: 'utf8' });
    if (run.error || run.status !== 0) {
      rmSync(building, { force: true });
      const said = (run.error?.message ?? run.stderr ?? '').trim().split('\n')[0];
      skip(`${compiler} failed${said ? `: ${said}` : ''}`);
    } else {
      if (run.stderr.trim()) process.stderr.write(run.stderr); // warnings: shown, not fatal
      renameSync(building, target);
    }
  }
}
