# Shared by the HTTP benchmarks (sourced, with $db set): bench_env is the application's settings for
# the bench database; start_app starts the jar on $PORT with its data and log in $work and waits
# until it is ready (its process id in $pid); sql runs a statement on the database; account makes an
# account of a role bound to a unit, with the admin's password hash, and prints an API token for it
# with the given permissions, stored as the application stores tokens (SHA-256).
bench_env=(GONGZHI_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" GONGZHI_DB_USER=postgres GONGZHI_DB_SINGLE_ROLE=true GONGZHI_DB_PASSWORD=""
           GONGZHI_DEMO=false GONGZHI_ADMIN_PASSWORD=Bench-Passw0rd#1)
start_app() {
  env "${bench_env[@]}" GONGZHI_DATA_DIR="$work" GONGZHI_PORT="$PORT" java -Xmx2g ${JAVA_OPTS:-} -jar target/gongzhi.jar >"$work/app.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/actuator/health/readiness"; do
    kill -0 "$pid" 2>/dev/null || { tail -30 "$work/app.log"; exit 1; }
    sleep 1
  done
}
sql() { psql -h 127.0.0.1 -U postgres -d "$db" -Atc "$1"; }
account() { # username role unit permissions
  sql "insert into identity_account (username, display_name, password_hash, created_at, password_changed_at)
       select '$1', '$1', password_hash, now(), now() from identity_account where username = 'admin';
       insert into identity_account_role (account_id, role) select id, '$2' from identity_account where username = '$1';
       insert into identity_account_unit (account_id, unit_code, path)
       select a.id, u.code, u.path from identity_account a, geography_unit u where a.username = '$1' and u.code = '$3' and u.valid_to is null" >/dev/null
  local secret="gzt_bench_$1_$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  sql "insert into identity_api_token (account_id, name, token_hash, permissions, created_at, expires_at)
       select id, 'bench', '$(printf %s "$secret" | sha256sum | cut -c1-64)', '$4', now(), now() + interval '1 day'
       from identity_account where username = '$1'" >/dev/null
  echo "$secret"
}
