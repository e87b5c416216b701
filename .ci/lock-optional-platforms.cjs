// Adds lock entries for optional platform packages (other OSes' binaries) that the registry here
// does not serve, so that `npm ci` accepts the lock. Usage, after `npm install` changes the lock:
//   node .ci/lock-optional-platforms.cjs package-lock.json <names npm ci reports as "Missing">
const fs = require('fs');
const [file, ...names] = process.argv.slice(2);
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const pk = lock.packages;
for (const name of names) {
	const key = `node_modules/${name}`;
	if (pk[key]) continue;
	let version;
	for (const v of Object.values(pk)) if (v.optionalDependencies?.[name]) version = v.optionalDependencies[name];
	if (!version) { console.error('no parent for', name); process.exit(1); }
	const m = /(darwin|linux|win32|windows|freebsd|android|openbsd|sunos|aix|netbsd)/.exec(name);
	const os = m ? (m[1] === 'windows' ? 'win32' : m[1]) : undefined;
	const c = /(arm64|x64|ia32|arm|wasm32|riscv64|ppc64|s390x|loong64)/.exec(name);
	const libc = /musl/.test(name) ? 'musl' : /gnu/.test(name) ? 'glibc' : undefined;
	pk[key] = { version, ...(c ? { cpu: [c[1]] } : {}), ...(libc ? { libc: [libc] } : {}), optional: true, ...(os ? { os: [os] } : {}) };
	console.log('added', key, JSON.stringify(pk[key]));
}
lock.packages = Object.fromEntries(Object.entries(pk).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
