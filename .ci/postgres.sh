# shellcheck shell=bash
# Source this file (`source .ci/postgres.sh`) before `npm test`: it installs PostgreSQL with
# apt-get if it is missing, starts a throwaway cluster in a temporary directory listening only on
# 127.0.0.1, creates a database and exports
#   TIERZERO_TEST_DATABASE_URL=postgres://tierzero@127.0.0.1:<port>/tierzero_test
# for the tests that need a real PostgreSQL server. The cluster is stopped and deleted when the
# sourcing shell exits (or call tierzero_pg_stop yourself). Sourced, so it never calls `exit`.

tierzero_pg_start() {
	local bin initdb port dir runas=()

	bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
	if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
		echo "postgres.sh: installing PostgreSQL with apt-get" >&2
		local sudo=()
		[ "$(id -u)" -ne 0 ] && sudo=(sudo)
		"${sudo[@]}" apt-get update -qq &&
			DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends postgresql >&2 ||
			{ echo "postgres.sh: apt-get could not install postgresql" >&2; return 1; }
		bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
	fi
	initdb="$bin/initdb"
	[ -x "$initdb" ] || { echo "postgres.sh: no initdb under /usr/lib/postgresql" >&2; return 1; }

	dir=$(mktemp -d "${TMPDIR:-/tmp}/tierzero-pg.XXXXXX") || return 1
	# PostgreSQL refuses to run as root: use the postgres account the package created.
	if [ "$(id -u)" -eq 0 ]; then
		chown postgres: "$dir"
		runas=(runuser -u postgres --)
	fi

	# A free port: ask the kernel for one, then hand it to the server.
	port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})") ||
		{ echo "postgres.sh: could not find a free port" >&2; return 1; }

	"${runas[@]}" "$initdb" -D "$dir/data" -U tierzero --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
		{ cat "$dir/initdb.log" >&2; return 1; }
	# Only loopback, socket in the temp dir (not /var/run/postgresql), fsync on: the collector's
	# durability promise is tested against a server that keeps its own.
	"${runas[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
		-o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=on -c synchronous_commit=on" start >&2 ||
		{ cat "$dir/server.log" >&2; return 1; }
	"${runas[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U tierzero tierzero_test ||
		{ "${runas[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1; return 1; }

	TIERZERO_PG_DIR=$dir
	TIERZERO_PG_BIN=$bin
	export TIERZERO_TEST_DATABASE_URL="postgres://tierzero@127.0.0.1:$port/tierzero_test"
	echo "postgres.sh: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($dir)" >&2
}

tierzero_pg_stop() {
	[ -n "${TIERZERO_PG_DIR:-}" ] || return 0
	local runas=()
	[ "$(id -u)" -eq 0 ] && runas=(runuser -u postgres --)
	"${runas[@]}" "$TIERZERO_PG_BIN/pg_ctl" -D "$TIERZERO_PG_DIR/data" -m fast -w stop >/dev/null 2>&1
	rm -rf "$TIERZERO_PG_DIR"
	unset TIERZERO_PG_DIR TIERZERO_PG_BIN TIERZERO_TEST_DATABASE_URL
}

if tierzero_pg_start; then
	# Chain onto an EXIT trap the sourcing script may already have, instead of replacing it.
	__tierzero_prev_trap=$(trap -p EXIT | sed -E "s/^trap -- '(.*)' EXIT$/\1/")
	# shellcheck disable=SC2064
	trap "tierzero_pg_stop; ${__tierzero_prev_trap}" EXIT
	unset __tierzero_prev_trap
else
	echo "postgres.sh: PostgreSQL is not available; tests that need it will fail in CI" >&2
fi
